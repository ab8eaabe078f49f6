package app.banhao.platform.events;

import io.smallrye.mutiny.Uni;

/**
 * A feature's reaction to events: any {@code @ApplicationScoped} bean implementing this is a consumer. The
 * relay calls {@link #handle} inside a transaction that also marks the event done for this consumer, so the
 * consumer's own database writes happen exactly once; anything it does outside the database (a Redis
 * publish, a call to a carrier) happens at least once and must tolerate a repeat. A push that tells readers to
 * look goes through {@link PublishedEvent#afterCommit}, so that what they read has committed.
 */
public interface EventConsumer {

    /** Stable name, stored with each delivery; renaming a consumer orphans what it was still owed. */
    String name();

    /** Whether this consumer wants events of {@code type}; decided when the event is written. */
    boolean accepts(String type);

    /**
     * Whether this consumer wants {@code event}, decided when it is written: by its type, unless the consumer
     * recognises events by what they are (e.g. every {@link CaseTimelineFact}, whichever feature wrote it).
     */
    default boolean accepts(DomainEvent event) {
        return accepts(event.type());
    }

    /** Reacts to one event. A failure is retried with backoff, then dead-lettered for an operator. */
    Uni<Void> handle(PublishedEvent event);
}
