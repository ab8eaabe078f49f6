package app.banhao.live;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.common.AffectedEntities;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SubscriberRepository implements PanacheRepositoryBase<Subscriber, Subscriber.Key> {

    private static final AffectedEntities TABLE = new AffectedEntities(Subscriber.class);
    /** Subscribing twice, even at once, keeps the first subscription. */
    private static final String SUBSCRIBE = "INSERT INTO live_subscription (stream_id, resident_id, subscribed_at, notified_at)"
            + " VALUES (:stream, :resident, :at, CASE WHEN :live THEN cast(:at AS timestamptz) END) ON CONFLICT DO NOTHING";

    /**
     * Adds the subscription unless there is one. It counts as notified when the stream is live already: whoever
     * subscribes then is watching, and no message is owed.
     */
    public Uni<Subscriber> subscribe(UUID stream, UUID resident, OffsetDateTime at, boolean live) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SUBSCRIBE, TABLE).setParameter("stream", stream)
                .setParameter("resident", resident).setParameter("at", at).setParameter("live", live)
                .executeUpdate())
                .chain(() -> findById(new Subscriber.Key(stream, resident)));
    }

    public Uni<Long> unsubscribe(UUID stream, UUID resident) {
        return delete("streamId = ?1 and residentId = ?2", stream, resident);
    }

    /** Subscribers owed their message; the caller holds the stream's row lock, which subscribing shares. */
    public Uni<List<Subscriber>> toNotify(UUID stream) {
        return list("streamId = ?1 and notifiedAt is null", stream);
    }

    public Uni<Void> markNotified(UUID stream, OffsetDateTime at) {
        return update("notifiedAt = ?1 where streamId = ?2 and notifiedAt is null", at, stream).replaceWithVoid();
    }
}
