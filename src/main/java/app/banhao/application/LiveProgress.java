package app.banhao.application;

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

import app.banhao.api.model.ApplicationStateEvent;
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
 */
@ApplicationScoped
public class LiveProgress {

    public static final String EVENT_NAME = "application-state";
    static final String PATTERN = RedisApplicationEvents.CHANNEL_PREFIX + "*";

    private final ReactivePubSubCommands<String> pubsub;
    private final ObjectMapper json;
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private static final java.time.Duration PROBE_WAIT = java.time.Duration.ofSeconds(3);
    /** This node's own channel under the pattern, to prove the subscription live. */
    private final String probeChannel = RedisApplicationEvents.CHANNEL_PREFIX + "probe-" + UUID.randomUUID();
    /** Completed once a probe came back through the current subscription; null while there is none. */
    private volatile java.util.concurrent.CompletableFuture<Void> ready;
    private volatile io.smallrye.mutiny.subscription.Cancellable subscription;

    /** One open stream: its emitter and the resource's event builder factory. */
    private record Stream(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
    }

    public LiveProgress(ReactiveRedisDataSource redis, ObjectMapper json, MeterRegistry metrics) {
        this.pubsub = redis.pubsub(String.class);
        this.json = json;
        Gauge.builder("banhao.live.streams", open, AtomicInteger::get)
                .description("Live-progress streams open on this node").register(metrics);
    }

    /** The stream of {@code residentId}'s state changes; starts with a {@code :connected} comment once subscribed. */
    public Multi<OutboundSseEvent> stream(UUID residentId, Sse sse) {
        return Multi.createFrom().emitter(emitter -> {
            Stream stream = new Stream(emitter, sse);
            streams.computeIfAbsent(residentId, id -> ConcurrentHashMap.newKeySet()).add(stream);
            open.incrementAndGet();
            emitter.onTermination(() -> forget(residentId, stream));
            ensureSubscribed().subscribe().with(
                    ok -> emitter.emit(sse.newEventBuilder().comment("connected").build()),
                    failure -> emitter.emit(sse.newEventBuilder().comment("connected").build()));
        });
    }

    private void forget(UUID residentId, Stream stream) {
        Set<Stream> mine = streams.get(residentId);
        if (mine != null && mine.remove(stream)) {
            open.decrementAndGet();
            if (mine.isEmpty()) {
                streams.remove(residentId, mine);
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
        return streams.isEmpty() ? Uni.createFrom().voidItem() : ensureSubscribed();
    }

    /** Streams open on this node (all residents). */
    public int openStreams() {
        return open.get();
    }

    void stop(@Observes ShutdownEvent event) {
        streams.values().forEach(set -> set.forEach(s -> s.emitter().complete()));
        streams.clear();
        io.smallrye.mutiny.subscription.Cancellable s = subscription;
        subscription = null;
        ready = null;
        if (s != null) {
            s.cancel();
        }
    }
}
