package app.banhao.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.Message;
import app.banhao.api.model.MessagePage;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A resident's inbox: a message for every case event (written by {@link InboxOnCaseEvents}) and notices. */
@ApplicationScoped
public class InboxService {

    private final ResidentMessageRepository messages;
    private final InboxMapper mapper;
    private final BusinessClock clock;

    public InboxService(ResidentMessageRepository messages, InboxMapper mapper, BusinessClock clock) {
        this.clock = clock;
        this.messages = messages;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<MessagePage> list(UUID residentId, boolean unreadOnly, PageRequest page, Messages.Language language) {
        return messages.inbox(residentId, unreadOnly, page)
                .map(rows -> Page.from(rows, page, m -> new PageRequest.Cursor(m.createdAt.toString(), m.id.toString()))
                        .map(m -> mapper.toMessage(m, language)))
                .map(p -> new MessagePage().items(p.items()).nextCursor(p.nextCursor()));
    }

    @WithTransaction
    public Uni<Message> markRead(UUID residentId, UUID messageId, Messages.Language language) {
        return messages.findOwned(messageId, residentId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .map(m -> {
                    if (m.readAt == null) {
                        m.readAt = clock.now();
                    }
                    return mapper.toMessage(m, language);
                });
    }
}
