package app.banhao.platform.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * The relay's queries for what is owed: a delivery is due only when no earlier delivery of the same aggregate is
 * still owed to that consumer, and is claimed {@code FOR UPDATE SKIP LOCKED} and checked again under the lock, so
 * two relays never run one delivery at once.
 */
final class DueDeliveries {

    private static final String DUE = "from OutboxDelivery d where d.state = :pending and d.nextAttemptAt <= :now"
            + " and not exists (from OutboxDelivery p where p.id.consumer = d.id.consumer and p.aggregateKey = d.aggregateKey"
            + " and p.state = :pending and p.eventSeq < d.eventSeq) order by d.eventSeq";
    /** How many of a request's own events one claim looks up; a request that wrote more is claimed in turns. */
    static final int OWN_EVENTS_PER_CLAIM = 16;
    // The request's own events are delivered in order in one go, so only an earlier event from elsewhere holds one back.
    // They are looked up by the primary key: a fixed number of parameters (the last id repeated to fill them) keeps
    // one SQL text, so Hibernate translates it once, as an IN list of varying length would not (a tenth of a
    // submission's CPU in a profile); an array parameter kept the text too, but `:ids @> array[event_id]` cannot use
    // an index: PostgreSQL read every pending row and its dead versions, 2.6 ms a call under load, half its time.
    private static final String OWN_IDS = IntStream.range(0, OWN_EVENTS_PER_CLAIM).mapToObj(i -> ":e" + i)
            .collect(Collectors.joining(", ", "(", ")"));
    private static final String DUE_NOW = "from OutboxDelivery d where d.id.eventId in " + OWN_IDS + " and d.state = :pending"
            + " and not exists (from OutboxDelivery p where p.id.consumer = d.id.consumer and p.aggregateKey = d.aggregateKey"
            + " and p.state = :pending and p.eventSeq < d.eventSeq and p.id.eventId not in " + OWN_IDS + ") order by d.eventSeq";
    private static final String CLAIM = "from OutboxDelivery d where d.id = :id and d.state = :pending";

    private DueDeliveries() {
    }

    /** Up to {@code limit} deliveries due at {@code now}, oldest event first; not locked, each is claimed on its own. */
    static Uni<List<OutboxDelivery>> batch(Mutiny.Session s, OffsetDateTime now, int limit) {
        return s.createSelectionQuery(DUE, OutboxDelivery.class)
                .setParameter("pending", OutboxDelivery.State.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * The deliveries of the events {@code eventIds} (at most {@link #OWN_EVENTS_PER_CLAIM}) that order allows now, claimed
     * (skipping any another relay holds).
     */
    static Uni<List<OutboxDelivery>> claimOwnEvents(Mutiny.Session s, List<UUID> eventIds) {
        if (eventIds.isEmpty() || eventIds.size() > OWN_EVENTS_PER_CLAIM) {
            throw new IllegalArgumentException("Claim 1 to " + OWN_EVENTS_PER_CLAIM + " events at a time, not " + eventIds.size());
        }
        Mutiny.SelectionQuery<OutboxDelivery> query = s.createSelectionQuery(DUE_NOW, OutboxDelivery.class)
                .setParameter("pending", OutboxDelivery.State.PENDING).setLockMode(LockMode.UPGRADE_SKIPLOCKED);
        for (int i = 0; i < OWN_EVENTS_PER_CLAIM; i++) {
            query.setParameter("e" + i, eventIds.get(Math.min(i, eventIds.size() - 1)));
        }
        return query.getResultList();
    }

    /** The delivery {@code key} locked with {@code lock} while it is still owed, or null. */
    static Uni<OutboxDelivery> claim(Mutiny.Session s, OutboxDelivery.Key key, LockMode lock) {
        return s.createSelectionQuery(CLAIM, OutboxDelivery.class)
                .setParameter("id", key).setParameter("pending", OutboxDelivery.State.PENDING)
                .setLockMode(lock).getSingleResultOrNull();
    }
}
