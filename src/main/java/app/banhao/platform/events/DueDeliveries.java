package app.banhao.platform.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

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
    // The request's own events are delivered in order in one go, so only an earlier event from elsewhere holds one back.
    // The ids are one array parameter (= any(?)), not an IN list: a list's length is part of the SQL, so Hibernate
    // translated the query anew for every request (about a tenth of a submission's CPU in the profile).
    private static final String DUE_NOW = "from OutboxDelivery d where array_contains(:ids, d.id.eventId) and d.state = :pending"
            + " and not exists (from OutboxDelivery p where p.id.consumer = d.id.consumer and p.aggregateKey = d.aggregateKey"
            + " and p.state = :pending and p.eventSeq < d.eventSeq and not array_contains(:ids, p.id.eventId)) order by d.eventSeq";
    private static final String CLAIM = "from OutboxDelivery d where d.id = :id and d.state = :pending";

    private DueDeliveries() {
    }

    /** Up to {@code limit} deliveries due at {@code now}, oldest event first; not locked, each is claimed on its own. */
    static Uni<List<OutboxDelivery>> batch(Mutiny.Session s, OffsetDateTime now, int limit) {
        return s.createSelectionQuery(DUE, OutboxDelivery.class)
                .setParameter("pending", OutboxDelivery.State.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /** The deliveries of the events {@code eventIds} that order allows now, claimed (skipping any another relay holds). */
    static Uni<List<OutboxDelivery>> claimOwnEvents(Mutiny.Session s, List<UUID> eventIds) {
        return s.createSelectionQuery(DUE_NOW, OutboxDelivery.class)
                .setParameter("ids", eventIds.toArray(UUID[]::new)).setParameter("pending", OutboxDelivery.State.PENDING)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList();
    }

    /** The delivery {@code key} locked with {@code lock} while it is still owed, or null. */
    static Uni<OutboxDelivery> claim(Mutiny.Session s, OutboxDelivery.Key key, LockMode lock) {
        return s.createSelectionQuery(CLAIM, OutboxDelivery.class)
                .setParameter("id", key).setParameter("pending", OutboxDelivery.State.PENDING)
                .setLockMode(lock).getSingleResultOrNull();
    }
}
