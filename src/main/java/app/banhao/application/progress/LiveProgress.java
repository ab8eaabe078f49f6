package app.banhao.application.progress;

import java.time.Duration;
import java.time.Instant;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.ApplicationStateEvent;
import app.banhao.application.core.ApplicationEvents;
import app.banhao.application.core.ApplicationMapper;
import app.banhao.platform.security.SessionsRevoked;
import app.banhao.platform.time.BusinessClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Live progress on this node (DESIGN.md §4, §8): one Redis pattern subscription to every resident's
 * channel ({@code banhao:{events}:resident:*}, published by {@link RedisApplicationEvents} after commit,
 * from any node), fanned out to the server-sent-event streams of that resident open on this node.
 *
 * <p>The subscription is made when the first stream opens and made again (every few seconds, while streams
 * are open) after Redis dropped it. A heartbeat comment goes to every stream every 15 s. A stream is
 * forgotten when its client disconnects; at shutdown every stream is completed.
 *
 * <p>A stream lives no longer than the access token that opened it: it ends when the token expires and as
 * soon as its session is revoked (logout, "end all sessions"; see {@link SessionsRevoked}), so a stream never
 * outlives the authority that opened it. A resident may hold a few streams at once across all nodes
 * ({@code banhao.live.max-streams-per-resident}, 5); opening one more ends the oldest, on whichever node it is
 * open (a {@code close:} message on the resident's channel), so a new device always gets its stream and a
 * forgotten tab gives way. The count lives in Redis (sorted sets per resident of when each stream opened and
 * when a heartbeat last saw it, so a crashed node's streams fall out of it).
 */
@ApplicationScoped
public class LiveProgress {

    public static final String EVENT_NAME = "application-state";
    static final String PATTERN = RedisApplicationEvents.CHANNEL_PREFIX + "*";

    /**
     * Forgets the streams no heartbeat refreshed, counts the new one, and answers the oldest streams past the
     * cap, which it drops from the count. KEYS: opened-at and last-seen sorted sets of one resident; ARGV:
     * stale-before, now, max, stream id, key ttl (ms).
     */
    private static final String ADMIT = """
            for _, s in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])) do
              redis.call('ZREM', KEYS[1], s); redis.call('ZREM', KEYS[2], s)
            end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4]); redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5]); redis.call('PEXPIRE', KEYS[2], ARGV[5])
            local evicted = {}
            local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
            if over > 0 then
              for _, s in ipairs(redis.call('ZRANGE', KEYS[1], 0, over - 1)) do
                redis.call('ZREM', KEYS[1], s); redis.call('ZREM', KEYS[2], s); table.insert(evicted, s)
              end
            end
            return evicted
            """;
    /** A message on a resident's channel that ends one of their streams, wherever it is open. */
    private static final String CLOSE = "close:";
    private static final String OPEN_PREFIX = "banhao:live:{";

    private final ReactiveRedisDataSource redis;
    private final ReactivePubSubCommands<String> pubsub;
    private final ObjectMapper json;
    private final int maxPerResident;
    /** How long an entry of the per-resident count lives without a heartbeat: three heartbeats. */
    private final Duration staleAfter;
    private final BusinessClock clock;
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Stream>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private static final java.time.Duration PROBE_WAIT = java.time.Duration.ofSeconds(3);
    /** This node's own channel under the pattern, to prove the subscription live. */
    private final String probeChannel = RedisApplicationEvents.CHANNEL_PREFIX + "probe-" + UUID.randomUUID();
    /** Completed once a probe came back through the current subscription; null while there is none. */
    private volatile java.util.concurrent.CompletableFuture<Void> ready;
    private volatile io.smallrye.mutiny.subscription.Cancellable subscription;

    /** One open stream: its emitter, the resource's event builder factory, and whose session opened it. */
    private record Stream(String id, UUID residentId, UUID sessionId, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
    }

    public LiveProgress(ReactiveRedisDataSource redis, ObjectMapper json, MeterRegistry metrics,
            @ConfigProperty(name = "banhao.live.max-streams-per-resident", defaultValue = "5") int maxPerResident,
            @ConfigProperty(name = "banhao.live.heartbeat", defaultValue = "15s") Duration heartbeat, BusinessClock clock) {
        this.clock = clock;
        this.redis = redis;
        this.pubsub = redis.pubsub(String.class);
        this.json = json;
        this.maxPerResident = maxPerResident;
        this.staleAfter = heartbeat.multipliedBy(3);
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
            admit(stream).chain(this::ensureSubscribed).subscribe().with(
                    done -> emitter.emit(sse.newEventBuilder().comment("connected").build()),
                    failure -> emitter.emit(sse.newEventBuilder().comment("connected").build()));
        }).select().first(life);
    }

    /** Counts the stream against the resident's cap on every node and ends the oldest ones past it. */
    private Uni<Void> admit(Stream stream) {
        long now = System.currentTimeMillis();
        String[] keys = countKeys(stream.residentId());
        return redis.execute("EVAL", ADMIT, "2", keys[0], keys[1], Long.toString(now - staleAfter.toMillis()),
                Long.toString(now), Integer.toString(maxPerResident), stream.id(), Long.toString(staleAfter.toMillis()))
                .chain(evicted -> {
                    List<Uni<Void>> closes = new java.util.ArrayList<>();
                    evicted.forEach(old -> close(stream.residentId(), old.toString()));
                    evicted.forEach(old -> closes.add(pubsub.publish(RedisApplicationEvents.CHANNEL_PREFIX + stream.residentId(),
                            CLOSE + old.toString()).replaceWithVoid()));
                    return closes.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(closes).andFailFast().replaceWithVoid();
                })
                // Without Redis there is neither a count nor events to stream: the stream opens uncounted.
                .onFailure().invoke(e -> Log.warnf("Live progress: stream %s not counted: %s", stream.id(), e.toString()))
                .onFailure().recoverWithNull();
    }

    /** One resident's two sorted sets, which the admit script takes together: one hash tag (RedisClusterKeyLayoutTest). */
    static String[] countKeys(UUID residentId) {
        return new String[] { OPEN_PREFIX + residentId + "}:opened", OPEN_PREFIX + residentId + "}:seen" };
    }

    private void forget(Stream stream) {
        remove(streams, stream.residentId(), stream);
        remove(bySession, stream.sessionId(), stream);
        String[] keys = countKeys(stream.residentId());
        redis.execute("ZREM", keys[0], stream.id()).chain(() -> redis.execute("ZREM", keys[1], stream.id()))
                .subscribe().with(r -> {
                }, e -> Log.debugf("Live progress: stream %s not uncounted (%s); it falls out of the count unrefreshed",
                stream.id(), e.toString()));
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

    /**
     * Subscribes this node to every resident's channel unless it already is, and waits (at most a few seconds)
     * until a probe published on this node's own probe channel came back through it: only then is the
     * subscription known to be live. Best effort: never fails.
     */
    Uni<Void> ensureSubscribed() {
        java.util.concurrent.CompletableFuture<Void> current = ready;
        if (current != null) {
            return Uni.createFrom().completionStage(current).ifNoItem().after(PROBE_WAIT).recoverWithItem((Void) null);
        }
        java.util.concurrent.CompletableFuture<Void> fresh = new java.util.concurrent.CompletableFuture<>();
        synchronized (this) {
            if (ready != null) {
                return ensureSubscribed();
            }
            ready = fresh;
        }
        subscription = pubsub.subscribeAsMessagesToPatterns(PATTERN).subscribe().with(
                m -> deliver(m.getChannel(), m.getPayload()),
                e -> lost(fresh, e.toString()),
                () -> lost(fresh, "completed"));
        return probe(fresh, 0).ifNoItem().after(PROBE_WAIT).recoverWithItem((Void) null);
    }

    /** Publishes probes until one came back through the subscription (or the wait is over). */
    private Uni<Void> probe(java.util.concurrent.CompletableFuture<Void> fresh, int attempt) {
        if (fresh.isDone() || attempt > 30) {
            return Uni.createFrom().voidItem();
        }
        return pubsub.publish(probeChannel, "probe").onFailure().recoverWithNull().replaceWithVoid()
                .chain(() -> Uni.createFrom().completionStage(fresh).ifNoItem().after(java.time.Duration.ofMillis(100))
                        .recoverWithUni(() -> probe(fresh, attempt + 1)));
    }

    private void lost(java.util.concurrent.CompletableFuture<Void> which, String why) {
        Log.warnf("Live progress: the Redis subscription ended (%s); subscribing again while streams are open", why);
        synchronized (this) {
            if (ready == which) {
                ready = null;
                subscription = null;
            }
        }
    }

    /** A message of {@code channel}: forwarded to that resident's streams on this node. */
    void deliver(String channel, String message) {
        if (channel.equals(probeChannel)) {
            java.util.concurrent.CompletableFuture<Void> current = ready;
            if (current != null) {
                current.complete(null);
            }
            return;
        }
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
        if (message.startsWith(CLOSE)) {
            close(residentId, message.substring(CLOSE.length()));
            return;
        }
        String data;
        String id;
        try {
            ApplicationEvents.StateChanged change = json.readValue(message, ApplicationEvents.StateChanged.class);
            data = json.writeValueAsString(new ApplicationStateEvent().applicationNo(change.applicationNo())
                    .itemName(change.itemName())
                    .fromState(ApplicationMapper.state(change.fromState()))
                    .toState(ApplicationMapper.state(change.toState()))
                    .at(change.at().withOffsetSameInstant(java.time.ZoneOffset.UTC)));
            id = change.applicationNo() + ":" + change.version();
        } catch (JsonProcessingException | RuntimeException e) {
            Log.warnf("Live progress: unreadable message on %s: %s", channel, e.toString());
            return;
        }
        for (Stream s : targets) {
            // No explicit media type: the REST layer would add a non-standard "content-type:" line to the event.
            s.emitter().emit(s.sse().newEventBuilder().name(EVENT_NAME).id(id).data(String.class, data).build());
        }
    }

    /** Heartbeat for proxies, and a new subscription if Redis dropped the last one while streams are open. */
    @Scheduled(every = "${banhao.live.heartbeat:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        streams.values().forEach(set -> set.forEach(s -> s.emitter().emit(s.sse().newEventBuilder().comment("ping").build())));
        return streams.isEmpty() ? Uni.createFrom().voidItem() : refreshCounts().chain(this::ensureSubscribed);
    }

    /** Keeps this node's streams in their residents' counts (entries a heartbeat does not refresh fall out). */
    private Uni<Void> refreshCounts() {
        String now = Long.toString(System.currentTimeMillis());
        List<Uni<Void>> refreshes = streams.entrySet().stream().map(e -> {
            String[] keys = countKeys(e.getKey());
            List<String> args = new java.util.ArrayList<>(List.of(keys[1], "XX"));
            e.getValue().forEach(s -> {
                args.add(now);
                args.add(s.id());
            });
            String ttl = Long.toString(staleAfter.toMillis());
            return redis.execute("ZADD", args.toArray(String[]::new))
                    .chain(() -> redis.execute("PEXPIRE", keys[0], ttl))
                    .chain(() -> redis.execute("PEXPIRE", keys[1], ttl))
                    .replaceWithVoid().onFailure().recoverWithNull();
        }).toList();
        return refreshes.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(refreshes).andCollectFailures().replaceWithVoid();
    }

    /** Streams open on this node (all residents). */
    public int openStreams() {
        return open.get();
    }

    void stop(@Observes ShutdownEvent event) {
        streams.values().forEach(set -> List.copyOf(set).forEach(s -> s.emitter().complete()));
        streams.clear();
        bySession.clear();
        io.smallrye.mutiny.subscription.Cancellable s = subscription;
        subscription = null;
        ready = null;
        if (s != null) {
            s.cancel();
        }
    }
}
