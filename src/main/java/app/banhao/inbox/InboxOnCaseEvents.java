package app.banhao.inbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.core.CaseEvent;
import app.banhao.application.core.CaseEvents;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.platform.transaction.SqlStatement;
import io.smallrye.mutiny.Uni;

/**
 * One inbox message per case event, dated when the event happened; written in the transaction of the change, so the
 * message is there when the resident is answered and exists exactly when the change does.
 */
@ApplicationScoped
public class InboxOnCaseEvents implements EventConsumer {

    private final ResidentMessageRepository messages;

    public InboxOnCaseEvents(ResidentMessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return "inbox";
    }

    @Override
    public boolean accepts(String type) {
        return CaseEvents.isCaseEvent(type);
    }

    @Override
    public boolean inWritersTransaction() {
        return true;
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        return messages.persist(ResidentMessage.about(event.as(CaseEvent.class))).replaceWithVoid();
    }

    @Override
    public List<SqlStatement> writes(PublishedEvent event) {
        return List.of(messages.insert(ResidentMessage.about(event.as(CaseEvent.class))));
    }
}
