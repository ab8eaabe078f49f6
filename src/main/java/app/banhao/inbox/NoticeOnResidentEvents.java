package app.banhao.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.resident.IdNumberClaimAttempted;
import io.smallrye.mutiny.Uni;

/** Tells a resident in their inbox that someone tried to verify with their ID number. */
@ApplicationScoped
public class NoticeOnResidentEvents implements EventConsumer {

    /** The message's topic: its title and text are {@code message.topic.REAL_NAME_ATTEMPT[.body]} in the bundles. */
    static final String REAL_NAME_ATTEMPT = "REAL_NAME_ATTEMPT";

    private final ResidentMessageRepository messages;

    public NoticeOnResidentEvents(ResidentMessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return "inbox-notices";
    }

    @Override
    public boolean accepts(String type) {
        return IdNumberClaimAttempted.TYPE.equals(type);
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        IdNumberClaimAttempted attempt = event.as(IdNumberClaimAttempted.class);
        return messages.persist(ResidentMessage.notice(attempt.holderId(), REAL_NAME_ATTEMPT, attempt.at())).replaceWithVoid();
    }
}
