package app.banhao.platform.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Whether Redis is worth asking. Every optional Redis call goes through {@link #guard(Uni)}: a time
 * limit, and after a failure Redis is skipped for a short while (a minimal circuit breaker), so that an
 * outage costs readers one fast failure per interval instead of a timeout per request. One log line per
 * outage and per recovery; {@code banhao_redis_outages_total} counts outages.
 */
@ApplicationScoped
public class RedisAvailability {

    private final Duration timeout;
    private final long retryAfterNanos;
    private final AtomicLong skipUntil = new AtomicLong(System.nanoTime());
    private final AtomicBoolean down = new AtomicBoolean();
    private final Counter outages;

    public RedisAvailability(MeterRegistry metrics,
            @ConfigProperty(name = "banhao.cache.redis-timeout", defaultValue = "PT0.5S") Duration timeout,
            @ConfigProperty(name = "banhao.cache.redis-retry-after", defaultValue = "PT2S") Duration retryAfter) {
        this.timeout = timeout;
        this.retryAfterNanos = retryAfter.toNanos();
        this.outages = Counter.builder("banhao.redis.outages")
                .description("Times Redis stopped answering and reads fell back to PostgreSQL").register(metrics);
    }

    /** False while a recent failure says Redis is down; true again after the retry interval. */
    public boolean usable() {
        return !down.get() || System.nanoTime() - skipUntil.get() >= 0;
    }

    /** {@code call} with the time limit; a failure marks Redis down and is passed on to the caller. */
    public <T> Uni<T> guard(Uni<T> call) {
        return call.ifNoItem().after(timeout).fail()
                .onItem().invoke(this::succeeded)
                .onFailure().invoke(this::failed);
    }

    private void succeeded() {
        if (down.get() && down.compareAndSet(true, false)) {
            Log.info("Redis answers again: cached reads resume");
        }
    }

    private void failed(Throwable error) {
        skipUntil.set(System.nanoTime() + retryAfterNanos);
        if (down.compareAndSet(false, true)) {
            outages.increment();
            Log.warnf("Redis unavailable, reading from PostgreSQL until it answers again: %s", error.toString());
        }
    }
}
