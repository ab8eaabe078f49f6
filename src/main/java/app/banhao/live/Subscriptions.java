package app.banhao.live;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import app.banhao.api.model.LiveSubscription;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A resident's subscriptions. Subscribing takes the stream's row lock in share mode, so it waits for a going-live
 * that holds it exclusively and then sees the stream LIVE: no subscription slips between the subscribers going live
 * reads and the mark it sets (one message each, none missed).
 */
@ApplicationScoped
public class Subscriptions {

    private final LiveSessionRepository streams;
    private final SubscriberRepository subscribers;
    private final BusinessClock clock;

    public Subscriptions(LiveSessionRepository streams, SubscriberRepository subscribers, BusinessClock clock) {
        this.streams = streams;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<LiveSubscription> subscribe(UUID streamId, UUID residentId) {
        return streams.findById(streamId, LockModeType.PESSIMISTIC_READ).chain(s -> {
            if (s == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            if (s.state == LiveSession.State.ENDED) {
                throw ApiException.of(LiveErrors.LIVE_STREAM_ENDED);
            }
            return subscribers.subscribe(streamId, residentId, clock.now(), s.state == LiveSession.State.LIVE);
        }).map(sub -> new LiveSubscription().streamId(streamId).subscribedAt(sub.subscribedAt));
    }

    @WithTransaction
    public Uni<Void> unsubscribe(UUID streamId, UUID residentId) {
        return streams.findById(streamId).chain(s -> {
            if (s == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return subscribers.unsubscribe(streamId, residentId).replaceWithVoid();
        });
    }
}
