package app.banhao.application.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import app.banhao.platform.redis.ProbedSubscription;
import app.banhao.platform.security.SessionsRevoked;
import app.banhao.platform.time.BusinessClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Live progress on this node (DESIGN.md §4, §8): the server-sent-event streams open here, per resident and per
 * session, fed by one {@link ProbedSubscription} to every resident's channel ({@code banhao:{events}:resident:*},
 * published by {@link RedisApplicationEvents} after commit, from any node) and shaped by {@link StateChangeSseEvents}.
 *
 * <p>The subscription is made when the first stream opens and made again (at each heartbeat, while streams are
 * open) after Redis dropped it. A heartbeat comment goes to every stream every 15 s. A stream is forgotten when its
 * client disconnects; at shutdown every stream is completed.
 *
 * <p>A stream lives no longer than the access token that opened it: it ends when the token expires and as soon as
 * its session is revoked (logout, "end all sessions"; see {@link SessionsRevoked}), so a stream never outlives the
 * authority that opened it. A resident's streams across all nodes are capped ({@link LiveStreamCap}).
 */
@ApplicationScoped
public class LiveProgress {

    public static final String EVENT_NAME = StateChangeSseEvents.EVENT_NAME;
    private static final Duration PROBE_WAIT = Duration.ofSeconds(3);

    private final LiveStreamCap cap;
    private final StateChangeSseEvents events;
    private final BusinessClock clock;
    private final ProbedSubscription subscription;
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Stream>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /** One open stream: its emitter, the resource's event builder factory, and whose session opened it. */
    private record Stream(String id, UUID residentId, UUID sessionId, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
    }

    public LiveProgress(ReactiveRedisDataSource redis, LiveStreamCap cap, StateChangeSseEvents events, MeterRegistry metrics,
            BusinessClock clock) {
        this.cap = cap;
        this.events = events;
        this.clock = clock;
        // This node's own channel under the pattern proves the subscription live.
        // Made again at the next heartbeat after Redis dropped it, so nothing to do when it is lost.
        this.subscription = new ProbedSubscription(redis.pubsub(String.class), RedisApplicationEvents.CHANNEL_PREFIX + "*",
                RedisApplicationEvents.CHANNEL_PREFIX + "probe-" + UUID.randomUUID(), PROBE_WAIT, this::deliver, () -> { });
        Gauge.builder("banhao.live.streams", open, AtomicInteger::get)
                .description("Live-progress streams open on this node").register(metrics);
    }

    /**
     * The stream of {@code residentId}'s state changes for the session {@code sessionId}, until
     * {@code tokenExpiry}; starts with a {@code :connected} comment once subscribed. Past the cap, the oldest
     * stream of the resident ends.
     */
    public Multi<OutboundSseEvent> stream(UUID residentId, UUID sessionId, Instant tokenExpiry, Sse sse) {
        Duration life = Duration.between(clock.instant(), tokenExpiry);
        if (life.isNegative() || life.isZero()) {
            return Multi.createFrom().empty();
        }
        String id = UUID.randomUUID().toString();
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            Stream stream = new Stream(id, residentId, sessionId, emitter, sse);
            streams.computeIfAbsent(residentId, r -> ConcurrentHashMap.newKeySet()).add(stream);
            bySession.computeIfAbsent(sessionId, r -> ConcurrentHashMap.newKeySet()).add(stream);
            open.incrementAndGet();
            emitter.onTermination(() -> forget(stream));
            admit(stream).chain(subscription::ensureSubscribed).subscribe().with(
                    done -> emitter.emit(StateChangeSseEvents.comment(sse, "connected")),
                    failure -> emitter.emit(StateChangeSseEvents.comment(sse, "connected")));
        }).select().first(life);
    }

    /** Counts the stream against the resident's cap on every node and ends the oldest ones past it. */
    private Uni<Void> admit(Stream stream) {
        return cap.admit(stream.residentId(), stream.id())
                .chain(evicted -> {
                    evicted.forEach(old -> close(stream.residentId(), old));
                    return cap.closeEverywhere(stream.residentId(), evicted);
                })
                // Without Redis there is neither a count nor events to stream: the stream opens uncounted.
                .onFailure().invoke(e -> Log.warnf("Live progress: stream %s not counted: %s", stream.id(), e.toString()))
                .onFailure().recoverWithNull();
    }

    private void forget(Stream stream) {
        remove(streams, stream.residentId(), stream);
        remove(bySession, stream.sessionId(), stream);
        cap.uncount(stream.residentId(), stream.id());
    }

    private void remove(Map<UUID, Set<Stream>> index, UUID key, Stream stream) {
        Set<Stream> set = index.get(key);
        if (set != null && set.remove(stream)) {
            if (index == streams) {
                open.decrementAndGet();
            }
            if (set.isEmpty()) {
                index.remove(key, set);
            }
        }
    }

    /** Ends the stream {@code id} of the resident if it is open on this node. */
    private void close(UUID residentId, String id) {
        Set<Stream> mine = streams.get(residentId);
        if (mine != null) {
            mine.stream().filter(s -> s.id().equals(id)).toList().forEach(s -> s.emitter().complete());
        }
    }

    /** A revoked session's streams end at once. */
    void revoked(@Observes SessionsRevoked event) {
        for (UUID session : event.sessionIds()) {
            Set<Stream> mine = bySession.get(session);
            if (mine != null) {
                List.copyOf(mine).forEach(s -> s.emitter().complete());
            }
        }
    }

    /** A message of {@code channel}: forwarded to that resident's streams on this node. */
    private void deliver(String channel, String message) {
        UUID residentId;
        try {
            residentId = UUID.fromString(channel.substring(RedisApplicationEvents.CHANNEL_PREFIX.length()));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return;
        }
        Set<Stream> targets = streams.get(residentId);
        if (targets == null || targets.isEmpty()) {
            return;
        }
        String closed = LiveStreamCap.closedBy(message);
        if (closed != null) {
            close(residentId, closed);
            return;
        }
        events.shape(channel, message).ifPresent(change -> targets.forEach(s -> s.emitter().emit(change.event(s.sse()))));
    }

    /** Heartbeat for proxies, and a new subscription if Redis dropped the last one while streams are open. */
    @Scheduled(every = "${banhao.live.heartbeat:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        streams.values().forEach(set -> set.forEach(s -> s.emitter().emit(StateChangeSseEvents.comment(s.sse(), "ping"))));
        if (streams.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, List<String>> ids = new HashMap<>();
        streams.forEach((resident, set) -> ids.put(resident, set.stream().map(Stream::id).toList()));
        return cap.refresh(ids).chain(subscription::ensureSubscribed);
    }

    /** Streams open on this node (all residents). */
    public int openStreams() {
        return open.get();
    }

    void stop(@Observes ShutdownEvent event) {
        streams.values().forEach(set -> List.copyOf(set).forEach(s -> s.emitter().complete()));
        streams.clear();
        bySession.clear();
        subscription.stop();
    }
}
