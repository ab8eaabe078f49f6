package app.banhao.inbox;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import app.banhao.api.MessagesApi;
import app.banhao.api.model.Message;
import app.banhao.api.model.MessagePage;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** /api/v1/me/messages: the caller's inbox, worded in the language asked for. */
@RolesAllowed(TokenClaims.RESIDENT)
public class MessagesResource implements MessagesApi {

    private final InboxService inbox;
    private final CurrentActor actor;

    @Context
    HttpHeaders headers;

    public MessagesResource(InboxService inbox, CurrentActor actor) {
        this.inbox = inbox;
        this.actor = actor;
    }

    @Override
    public Uni<MessagePage> listMyMessages(Boolean unread, String cursor, Integer limit) {
        return inbox.list(actor.uuid(), Boolean.TRUE.equals(unread), PageRequest.of(cursor, limit), language());
    }

    @Override
    public Uni<Message> markMessageRead(UUID messageId) {
        return inbox.markRead(actor.uuid(), messageId, language());
    }

    private Messages.Language language() {
        return Messages.languageOf(headers);
    }
}
