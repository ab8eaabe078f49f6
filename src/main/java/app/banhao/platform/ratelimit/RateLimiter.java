package app.banhao.platform.ratelimit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Counting limits kept in Redis, so they hold across every node (DESIGN.md §4). A limit is a window:
 * at most {@code max} hits per {@code window} for one key; past it the caller gets a 429 problem whose
 * {@code Retry-After} is the time left in the window.
 *
 * <p>A guarded operation takes its hit <em>before</em> the work ({@link #hit}): one script increments the
 * counter, starts the window and decides, so of any number of parallel attempts no more than {@code max} are
 * let through (reading the counter first and counting after a failure let a burst through: issue 10, point
 * 4). A limit on failures only gives the hit back once the work succeeded ({@link #refund}, {@link #reset}).
 *
 * <p>Redis down → the failure propagates and becomes a 503 problem: an unenforceable limit must not
 * silently open.
 */
@ApplicationScoped
public class RateLimiter {

    /**
     * INCR, start the window on the first hit (or on a key left without one), decide, in one script. A refused
     * hit is not kept: the counter holds the attempts let through, so a refund gives back exactly one.
     * Answers [1 allowed / 0 refused, ms left in the window].
     */
    private static final String HIT = """
            local n = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            if n > tonumber(ARGV[2]) then redis.call('DECR', KEYS[1]); return {0, ttl} end
            return {1, ttl}
            """;

    /** DECR only a counter still in its window: never a key without expiry, never below zero. */
    private static final String REFUND = """
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            if n > 0 then redis.call('DECR', KEYS[1]) end
            return n
            """;

    private final ReactiveRedisDataSource redis;

    public RateLimiter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public record Limit(String name, int max, Duration window) {
    }

    /** Counts one hit against {@code limit} for {@code subject}, before the work; fails with 429 once over. */
    public Uni<Void> hit(Limit limit, String subject) {
        return redis.execute("EVAL", HIT, "1", key(limit, subject), Long.toString(limit.window().toMillis()),
                Integer.toString(limit.max())).invoke(reply -> {
                    if (reply.get(0).toInteger() == 0) {
                        long seconds = secondsLeft(reply.get(1));
                        throw ApiException.retryAfter(ErrorCode.RATE_LIMITED, seconds, seconds);
                    }
                }).replaceWithVoid();
    }

    /**
     * Gives back one hit of {@code subject}, for a limit on failures when the attempt turned out not to be one
     * (it succeeded, or another limit refused it before any work was done).
     */
    public Uni<Void> refund(Limit limit, String subject) {
        return redis.execute("EVAL", REFUND, "1", key(limit, subject)).replaceWithVoid();
    }

    /**
     * Fails with 429 if {@code subject} is already at {@code limit}, without counting. Only a peek: between it
     * and a later hit any number of parallel attempts pass, so it must never guard work; use {@link #hit}.
     */
    public Uni<Void> check(Limit limit, String subject) {
        String key = key(limit, subject);
        return redis.execute("MGET", key).chain(reply -> {
            Response value = reply.get(0);
            int count = value == null ? 0 : value.toInteger();
            if (count < limit.max()) {
                return Uni.createFrom().voidItem();
            }
            return redis.execute("PTTL", key).map(ttl -> {
                long seconds = secondsLeft(ttl);
                throw ApiException.retryAfter(ErrorCode.RATE_LIMITED, seconds, seconds);
            });
        });
    }

    /** Forgets the hits of {@code subject} (e.g. failed logins after a success). */
    public Uni<Void> reset(Limit limit, String subject) {
        return redis.execute("DEL", key(limit, subject)).replaceWithVoid();
    }

    private static long secondsLeft(Response millis) {
        return Math.max(1, (millis.toLong() + 999) / 1000);
    }

    private static String key(Limit limit, String subject) {
        return "banhao:rl:" + limit.name() + ":" + subject;
    }
}
