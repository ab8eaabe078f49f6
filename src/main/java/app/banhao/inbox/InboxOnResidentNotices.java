package app.banhao.inbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import app.banhao.platform.events.DomainEvent;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.platform.events.ResidentNoticeFact;
import io.smallrye.mutiny.Uni;

/**
 * Writes the message of each event that is a {@link ResidentNoticeFact}, whichever feature wrote it (ratings today):
 * recognised by what the event is when it is written, so a new feature reaches the inbox without a line here.
 */
@ApplicationScoped
public class InboxOnResidentNotices implements EventConsumer {

    /** The part of any payload this consumer reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Carried(@JsonProperty(ResidentNoticeFact.PROPERTY) ResidentNoticeFact.Notice notice) {
    }

    private static final String NAME = "inbox-resident-notices";

    private final ResidentMessageRepository messages;

    public InboxOnResidentNotices(ResidentMessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** By type alone nothing: see {@link #accepts(DomainEvent)}. */
    @Override
    public boolean accepts(String type) {
        return false;
    }

    @Override
    public boolean accepts(DomainEvent event) {
        return event instanceof ResidentNoticeFact fact && fact.residentNotice() != null;
    }

    /** A message row and nothing else: written with the change (a stream's start writes its subscribers' messages). */
    @Override
    public boolean inWritersTransaction() {
        return true;
    }

    /**
     * The message's id is derived from the event's, so an event handed over again (a delivery queued before this
     * consumer ran in the writer's transaction, delivered at least once) finds its message and leaves no second one.
     */
    @Override
    public Uni<Void> handle(PublishedEvent event) {
        ResidentNoticeFact.Notice notice = event.as(Carried.class).notice();
        if (notice == null) {
            return Uni.createFrom().voidItem();
        }
        ResidentMessage message = ResidentMessage.notice(notice);
        message.id = messageId(event.id());
        if (event.inItsWritersTransaction()) {
            return messages.persist(message).replaceWithVoid();
        }
        return messages.findById(message.id)
                .chain(found -> found != null ? Uni.createFrom().voidItem() : messages.persist(message).replaceWithVoid());
    }

    static UUID messageId(UUID eventId) {
        return UUID.nameUUIDFromBytes((NAME + ":" + eventId).getBytes(StandardCharsets.UTF_8));
    }
}
