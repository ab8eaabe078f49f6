package app.banhao.application.progress;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * This node's one Redis pattern subscription to every resident's channel (for {@link LiveProgress}): made when asked,
 * made again after Redis dropped it, and known to be live only once a probe published on this node's own channel
 * under the pattern came back through it. Messages of the other channels go to {@code onMessage}.
 */
final class ResidentChannelSubscription {

    private static final Duration PROBE_EVERY = Duration.ofMillis(100);
    private static final int MAX_PROBES = 30;

    private final ReactivePubSubCommands<String> pubsub;
    private final String pattern;
    private final String probeChannel;
    private final Duration probeWait;
    private final BiConsumer<String, String> onMessage;
    /** Completed once a probe came back through the current subscription; null while there is none. */
    private volatile CompletableFuture<Void> ready;
    private volatile Cancellable subscription;

    /**
     * @param probeChannel a channel of this node's own under {@code pattern}
     * @param probeWait how long a caller waits at most for the subscription to be proven live
     */
    ResidentChannelSubscription(ReactivePubSubCommands<String> pubsub, String pattern, String probeChannel, Duration probeWait,
            BiConsumer<String, String> onMessage) {
        this.pubsub = pubsub;
        this.pattern = pattern;
        this.probeChannel = probeChannel;
        this.probeWait = probeWait;
        this.onMessage = onMessage;
    }

    /**
     * Subscribes unless already subscribed, and waits (at most {@code probeWait}) until a probe came back through
     * the subscription: only then is it known to be live. Best effort: never fails.
     */
    Uni<Void> ensureSubscribed() {
        CompletableFuture<Void> current = ready;
        if (current != null) {
            return done(current).ifNoItem().after(probeWait).recoverWithItem((Void) null);
        }
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        synchronized (this) {
            if (ready != null) {
                return ensureSubscribed();
            }
            ready = fresh;
        }
        subscription = pubsub.subscribeAsMessagesToPatterns(pattern).subscribe().with(
                m -> received(m.getChannel(), m.getPayload()),
                e -> lost(fresh, e.toString()),
                () -> lost(fresh, "completed"));
        return probe(fresh, 0).ifNoItem().after(probeWait).recoverWithItem((Void) null);
    }

    /**
     * {@code shared}, done. A Uni made from a completion stage cancels the stage when it is cancelled itself, as a
     * timeout does: waiting on a copy keeps the one every caller shares from being cancelled. (It was: a probe slower
     * than {@link #PROBE_EVERY} under load cancelled it, and from then on every heartbeat failed with a
     * CancellationException, logged as an error each time.)
     */
    private static Uni<Void> done(CompletableFuture<Void> shared) {
        return Uni.createFrom().completionStage(shared.copy());
    }

    /** Publishes probes until one came back through the subscription (or the wait is over). */
    private Uni<Void> probe(CompletableFuture<Void> fresh, int attempt) {
        if (fresh.isDone() || attempt > MAX_PROBES) {
            return Uni.createFrom().voidItem();
        }
        return pubsub.publish(probeChannel, "probe").onFailure().recoverWithNull().replaceWithVoid()
                .chain(() -> done(fresh).ifNoItem().after(PROBE_EVERY).recoverWithUni(() -> probe(fresh, attempt + 1)));
    }

    private void received(String channel, String message) {
        if (channel.equals(probeChannel)) {
            CompletableFuture<Void> current = ready;
            if (current != null) {
                current.complete(null);
            }
            return;
        }
        onMessage.accept(channel, message);
    }

    private void lost(CompletableFuture<Void> which, String why) {
        Log.warnf("Live progress: the Redis subscription ended (%s); subscribing again while streams are open", why);
        synchronized (this) {
            if (ready == which) {
                ready = null;
                subscription = null;
            }
        }
    }

    /** Unsubscribes (at shutdown). */
    void stop() {
        Cancellable s = subscription;
        subscription = null;
        ready = null;
        if (s != null) {
            s.cancel();
        }
    }
}
