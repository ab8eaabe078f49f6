package app.banhao.platform.events;

import java.util.List;

import app.banhao.platform.transaction.SqlStatement;
import io.smallrye.mutiny.Uni;

/**
 * A feature's reaction to events: any {@code @ApplicationScoped} bean implementing this is a consumer. The
 * relay calls {@link #handle} inside a transaction that also marks the event done for this consumer, so the
 * consumer's own database writes happen exactly once; anything it does outside the database (a Redis
 * publish, a call to a carrier) happens at least once and must tolerate a repeat. A push that tells readers to
 * look goes through {@link PublishedEvent#afterCommit}, so that what they read has committed. A consumer whose
 * work is only rows in this database can instead run in the writer's own transaction
 * ({@link #inWritersTransaction}); one whose effect is a best-effort push or counter outside it can be handed the event
 * right after the writer's commit ({@link #afterWritersCommit}).
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

    /**
     * Whether {@link #handle} runs inside the transaction that publishes the event, instead of in a delivery the
     * relay runs after the commit: for a consumer that only writes rows in this database (the case timeline, the
     * inbox). Its rows then commit or roll back with the change itself, are there when the writer answers, and nothing
     * is owed afterwards — no delivery row, no second transaction. The price is the writer's: such a consumer adds its
     * statements to every transaction that publishes what it accepts, and its failure fails that transaction, so it
     * must be a few cheap writes that a valid event cannot make fail. It has no {@link PublishedEvent#afterCommit}
     * (there is no commit of its own to wait for). Deliveries queued for it before it ran this way are still handed to
     * it by the relay, so its writes stay idempotent.
     */
    default boolean inWritersTransaction() {
        return false;
    }

    /**
     * Whether a writer that delivers at commit ({@link OutboxCommits#commitThenDeliver}) hands this consumer its events
     * itself, right after its commit and before it answers, with no delivery row: for a best-effort effect outside the
     * database (a live push, a counter in Redis), which a delivery record does not make any surer, since it is lost when
     * Redis is down at that moment either way. The writer pays no statement and no second transaction for it. It is
     * lost if the node stops between the commit and the hand-over, and a failure is logged, not retried. An event
     * written elsewhere (by a relay's consumer, a job) is queued for it like for any consumer and the relay hands it
     * over, so every event still reaches it once.
     */
    default boolean afterWritersCommit() {
        return false;
    }

    /**
     * What {@link #handle} writes for {@code event} as statements, for a writer that sends its statements itself on the
     * reactive SQL client ({@link Outbox#publication}): only a consumer that runs {@link #inWritersTransaction} is asked,
     * and one that returns null (the default) cannot be handed events by such a writer.
     */
    default List<SqlStatement> writes(PublishedEvent event) {
        return null;
    }

    /** Reacts to one event. A failure is retried with backoff, then dead-lettered for an operator. */
    Uni<Void> handle(PublishedEvent event);
}
