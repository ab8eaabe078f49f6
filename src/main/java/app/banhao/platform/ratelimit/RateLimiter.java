package app.banhao.platform.ratelimit;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Counting limits kept in Redis, so they hold across every node (DESIGN.md §4). A limit is a window:
 * at most {@code max} hits per {@code window} for one key; past it the caller gets a 429 problem whose
 * {@code Retry-After} is the time left in the window. Redis down → the failure propagates and becomes a
 * 503 problem: an unenforceable limit must not silently open.
 */
@ApplicationScoped
public class RateLimiter {

    /** INCR, set the window on the first hit, answer [count, ms left]. One round trip, atomic. */
    private static final String HIT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {n, ttl}
            """;

    private final ReactiveRedisDataSource redis;

    public RateLimiter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public record Limit(String name, int max, Duration window) {
    }

    /** Counts one hit against {@code limit} for {@code subject}; fails with 429 once over. */
    public Uni<Void> hit(Limit limit, String subject) {
        return count(limit, subject).invoke(state -> {
            if (state.count() > limit.max()) {
                throw ApiException.retryAfter(ErrorCode.RATE_LIMITED, state.secondsLeft(), state.secondsLeft());
            }
        }).replaceWithVoid();
    }

    /** Fails with 429 if {@code subject} is already over {@code limit}, without counting. */
    public Uni<Void> check(Limit limit, String subject) {
        String key = key(limit, subject);
        return redis.execute("MGET", key).chain(reply -> {
            Response value = reply.get(0);
            int count = value == null ? 0 : value.toInteger();
            if (count < limit.max()) {
                return Uni.createFrom().voidItem();
            }
            return redis.execute("PTTL", key).map(ttl -> {
                long seconds = Math.max(1, (ttl.toLong() + 999) / 1000);
                throw ApiException.retryAfter(ErrorCode.RATE_LIMITED, seconds, seconds);
            });
        });
    }

    /** Forgets the hits of {@code subject} (e.g. failed logins after a success). */
    public Uni<Void> reset(Limit limit, String subject) {
        return redis.execute("DEL", key(limit, subject)).replaceWithVoid();
    }

    private Uni<State> count(Limit limit, String subject) {
        List<String> args = List.of(HIT, "1", key(limit, subject), Long.toString(limit.window().toMillis()));
        return redis.execute("EVAL", args.toArray(String[]::new))
                .map(reply -> new State(reply.get(0).toInteger(), Math.max(1, (reply.get(1).toLong() + 999) / 1000)));
    }

    private static String key(Limit limit, String subject) {
        return "banhao:rl:" + limit.name() + ":" + subject;
    }

    private record State(int count, long secondsLeft) {
    }
}
