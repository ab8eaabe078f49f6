package app.banhao.platform.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Reports whether Redis answers, without ever making readiness DOWN: every Redis use has a PostgreSQL
 * fallback or a clear 503 of its own (DESIGN.md §8), so an instance without Redis still serves.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private final ReactiveRedisDataSource redis;

    public RedisReadinessCheck(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(TIMEOUT).fail()
                .map(reply -> HealthCheckResponse.named("redis").up().withData("redis", "UP").build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("redis").up()
                        .withData("redis", "DOWN")
                        .withData("impact", "caches bypassed; logins and rate limits unavailable")
                        .build());
    }
}
