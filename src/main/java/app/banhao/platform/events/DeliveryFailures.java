package app.banhao.platform.events;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.hibernate.LockMode;

import app.banhao.platform.time.BusinessClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * What the relay does with a delivery its consumer failed: retried with exponential backoff, then dead-lettered
 * (state DEAD, {@code banhao_outbox_dead_lettered}) without holding up other consumers or other aggregates.
 */
final class DeliveryFailures {

    private static final int ERROR_TEXT = 500;

    private final OutboxSettings settings;
    private final BusinessClock clock;
    private final Counter failed;
    private final Counter deadLettered;

    DeliveryFailures(OutboxSettings settings, BusinessClock clock, MeterRegistry metrics) {
        this.settings = settings;
        this.clock = clock;
        this.failed = Counter.builder("banhao.outbox.failed").description("Event deliveries that failed and will be retried")
                .register(metrics);
        this.deadLettered = Counter.builder("banhao.outbox.dead.lettered")
                .description("Event deliveries given up after the last attempt").register(metrics);
    }

    /** Records the failed attempt in a transaction of its own (the consumer's was rolled back). Never fails. */
    Uni<Void> record(OutboxDelivery.Key key, Throwable error) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> DueDeliveries.claim(s, key, LockMode.PESSIMISTIC_WRITE))
                .invoke(d -> {
                    if (d == null) {
                        return;
                    }
                    d.attempts++;
                    d.lastError = describe(error);
                    d.updatedAt = clock.now();
                    if (d.attempts >= settings.maxAttempts()) {
                        d.state = OutboxDelivery.State.DEAD;
                        deadLettered.increment();
                        Log.errorf(error, "Event %s dead-lettered for consumer %s after %d attempts", key.eventId, key.consumer,
                                d.attempts);
                    } else {
                        d.nextAttemptAt = d.updatedAt.plus(backoff(d.attempts));
                        failed.increment();
                        Log.warnf("Event %s failed in consumer %s (attempt %d), retried after backoff: %s", key.eventId,
                                key.consumer, d.attempts, error.toString());
                    }
                }))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    // The delivery stays PENDING and due: the next round tries it again.
                    Log.warnf("Could not record the failure of event %s in consumer %s: %s", key.eventId, key.consumer, e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** The wait before attempt {@code attempts + 1}: doubling from the base, capped, with ±20% jitter. */
    Duration backoff(int attempts) {
        long base = settings.retryBase().toMillis();
        long capped = Math.min(settings.retryMax().toMillis(), base << Math.min(attempts - 1, 20));
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    /** What the operator's list shows: the failure's message, never a class name or trace (those go to the log). */
    private static String describe(Throwable error) {
        String text = error.getMessage() == null || error.getMessage().isBlank() ? "no message" : error.getMessage();
        return text.length() <= ERROR_TEXT ? text : text.substring(0, ERROR_TEXT);
    }
}
