package app.banhao.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.Message;
import app.banhao.api.model.MessagePage;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A resident's inbox: the messages {@link Workflow} writes on every state change. */
@ApplicationScoped
public class InboxService {

    private final ResidentMessageRepository messages;
    private final ApplicationMapper mapper;

    public InboxService(ResidentMessageRepository messages, ApplicationMapper mapper) {
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

    /**
     * Leaves a message about {@code topic} (not about an application) in {@code residentId}'s inbox, in the
     * caller's transaction; worded from {@code message.topic.<topic>} and {@code message.topic.<topic>.body}.
     */
    public Uni<Void> notice(UUID residentId, String topic) {
        return messages.persist(ResidentMessage.notice(residentId, topic, Workflow.now())).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Message> markRead(UUID residentId, UUID messageId, Messages.Language language) {
        return messages.findOwned(messageId, residentId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .map(m -> {
                    if (m.readAt == null) {
                        m.readAt = Workflow.now();
                    }
                    return mapper.toMessage(m, language);
                });
    }
}
