package app.banhao.platform.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * A node's Redis pattern subscription that knows whether it is live: made when asked, made again after Redis dropped
 * it, and live only once a probe this node published on a channel of its own under the pattern came back through it.
 * Redis says nothing when it drops a subscriber's messages (an output buffer past its limit, a connection that died
 * without a reset), so a user that relies on having heard everything ({@code SessionRevocations}) probes again from
 * time to time ({@link #reprobe()}). Messages of the other channels go to {@code onMessage}; {@code onLost} is told
 * when a subscription ends or fails a probe.
 */
public final class ProbedSubscription {

    private static final Duration PROBE_EVERY = Duration.ofMillis(100);
    private static final int MAX_PROBES = 30;

    private final ReactivePubSubCommands<String> pubsub;
    private final String pattern;
    private final String probeChannel;
    private final Duration probeWait;
    private final BiConsumer<String, String> onMessage;
    private final Runnable onLost;
    /** Completed once a probe came back through the current subscription; null while there is none. */
    private volatile CompletableFuture<Void> ready;
    /** Completed by the next probe that comes back. */
    private volatile CompletableFuture<Void> echo = new CompletableFuture<>();
    private volatile Cancellable subscription;

    /**
     * @param probeChannel a channel of this node's own under {@code pattern}
     * @param probeWait how long a caller waits at most for the subscription to be proven live
     */
    public ProbedSubscription(ReactivePubSubCommands<String> pubsub, String pattern, String probeChannel, Duration probeWait,
            BiConsumer<String, String> onMessage, Runnable onLost) {
        this.pubsub = pubsub;
        this.pattern = pattern;
        this.probeChannel = probeChannel;
        this.probeWait = probeWait;
        this.onMessage = onMessage;
        this.onLost = onLost;
    }

    /**
     * Subscribes unless already subscribed, and waits (at most {@code probeWait}) until a probe came back through
     * the subscription: only then is it known to be live. Best effort: never fails.
     */
    public Uni<Void> ensureSubscribed() {
        CompletableFuture<Void> current = ready;
        if (current != null) {
            // Not proven yet (its probes went unanswered so far): probe again rather than only wait.
            return probe(current, 0).ifNoItem().after(probeWait).recoverWithItem((Void) null);
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

    /** Whether a probe came back through the current subscription and Redis has not ended it since. */
    public boolean live() {
        CompletableFuture<Void> current = ready;
        return current != null && current.isDone();
    }

    /**
     * Proves the live subscription live again: a probe must come back within {@code probeWait}. One that does not
     * ends the subscription (as lost), so the next {@link #ensureSubscribed()} makes a new one. False when it was
     * not live or the probe did not come back.
     */
    public Uni<Boolean> reprobe() {
        CompletableFuture<Void> current = ready;
        if (current == null || !current.isDone()) {
            return Uni.createFrom().item(false);
        }
        CompletableFuture<Void> next = new CompletableFuture<>();
        echo = next;
        return pubsub.publish(probeChannel, "probe").onFailure().recoverWithNull().replaceWithVoid()
                .chain(() -> done(next).ifNoItem().after(probeWait).fail())
                .map(v -> true)
                .onFailure().recoverWithItem(e -> {
                    lost(current, "a probe did not come back within " + probeWait.toMillis() + " ms");
                    return false;
                });
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
            echo.complete(null);
            return;
        }
        onMessage.accept(channel, message);
    }

    private void lost(CompletableFuture<Void> which, String why) {
        Cancellable ended = null;
        synchronized (this) {
            if (ready != which) {
                return;
            }
            ready = null;
            ended = subscription;
            subscription = null;
        }
        Log.warnf("The Redis subscription to %s ended (%s); it is made again when next needed", pattern, why);
        if (ended != null) {
            ended.cancel();
        }
        onLost.run();
    }

    /** Unsubscribes (at shutdown). */
    public void stop() {
        Cancellable s = subscription;
        subscription = null;
        ready = null;
        if (s != null) {
            s.cancel();
        }
    }
}
