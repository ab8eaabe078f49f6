package app.banhao.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
 * <p>A limit with a lease ({@link Limit#leased}; for busy public operations whose limit is in the hundreds, such
 * as the verification of presentations) takes its hits from Redis a few at a time: the script grants up to
 * the lease's size within what is left of {@code max}, this node hands them out until they are gone or the
 * window ends, then asks again. Redis still counts every hit granted, so never more than {@code max} pass in a
 * window across all nodes; hits a node was granted and did not use are lost with the window (a client can be
 * refused up to {@code nodes × (lease − 1)} hits early, never let through late). A node has at most one lease
 * request to Redis in flight per key; requests that find the lease empty meanwhile wait for it. All but one in
 * {@code lease} such hits (11 in 12 at the default 600 a minute) need no round trip to Redis.
 *
 * <p>Redis down → the failure propagates and becomes a 503 problem: an unenforceable limit must not
 * silently open.
 */
@ApplicationScoped
public class RateLimiter {

    /**
     * INCRBY the hits wanted, start the window on the first hit (or on a key left without one), grant what is left
     * below the limit, in one script. Hits not granted are not kept: the counter holds the hits let through, so a
     * refund gives back exactly one. Answers [hits granted (0: refused), ms left in the window].
     */
    private static final RedisScript TAKE = new RedisScript("""
            local want = tonumber(ARGV[3])
            local n = redis.call('INCRBY', KEYS[1], want)
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            local over = n - tonumber(ARGV[2])
            if over <= 0 then return {want, ttl} end
            local granted = math.max(want - over, 0)
            redis.call('DECRBY', KEYS[1], want - granted)
            return {granted, ttl}
            """);

    /** DECR only a counter still in its window: never a key without expiry, never below zero. */
    private static final RedisScript REFUND = new RedisScript("""
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            if n > 0 then redis.call('DECR', KEYS[1]) end
            return n
            """);

    /** The part of a leased limit's {@code max} one node takes at a time, and the most it takes. */
    private static final int LEASE_SHARE = 50;
    private static final int LARGEST_LEASE = 20;

    private final ReactiveRedisDataSource redis;
    /** The lease fetch in flight per key: at most one per node. */
    private final Map<String, CompletableFuture<Granted>> fetching = new ConcurrentHashMap<>();
    /** This node's unused leased hits, by key; an entry lives until its window ends. */
    private final Cache<String, Lease> leases = Caffeine.newBuilder().maximumSize(100_000).expireAfter(new Expiry<String, Lease>() {
        @Override
        public long expireAfterCreate(String key, Lease lease, long now) {
            return Math.max(0, lease.until() - now);
        }

        @Override
        public long expireAfterUpdate(String key, Lease lease, long now, long current) {
            return Math.max(0, lease.until() - now);
        }

        @Override
        public long expireAfterRead(String key, Lease lease, long now, long current) {
            return current;
        }
    }).build();

    public RateLimiter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** At most {@code max} hits per {@code window}; {@code lease} hits taken from Redis at a time (1: each on its own). */
    public record Limit(String name, int max, Duration window, int lease) {

        public Limit(String name, int max, Duration window) {
            this(name, max, window, 1);
        }

        /** A limit whose hits a node takes a few at a time: a fiftieth of {@code max}, at most 20. */
        public static Limit leased(String name, int max, Duration window) {
            return new Limit(name, max, window, Math.max(1, Math.min(LARGEST_LEASE, max / LEASE_SHARE)));
        }
    }

    /** Hits granted to this node and not used yet, until {@code until} ({@link System#nanoTime}). */
    private record Lease(AtomicInteger left, long until) {

        boolean take() {
            return System.nanoTime() < until && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    /** Counts one hit against {@code limit} for {@code subject}, before the work; fails with 429 once over. */
    public Uni<Void> hit(Limit limit, String subject) {
        String key = key(limit, subject);
        if (limit.lease() > 1) {
            return leasedHit(limit, key);
        }
        return take(limit, key, 1).invoke(granted -> {
            if (granted.hits() == 0) {
                throw refusal(granted.msLeft());
            }
        }).replaceWithVoid();
    }

    private record Granted(int hits, long msLeft) {
    }

    private Uni<Granted> take(Limit limit, String key, int hits) {
        return TAKE.run(redis, 1, key, Long.toString(limit.window().toMillis()), Integer.toString(limit.max()),
                Integer.toString(hits)).map(reply -> new Granted(reply.get(0).toInteger(), reply.get(1).toLong()));
    }

    /**
     * A hit from this node's lease; when it is empty, from the one fetch of a new lease in flight for the key (a
     * request that finds it empty joins that fetch instead of asking Redis itself: parallel fetches each took a lease
     * and Redis refused the last ones while this node still held unused hits). Refused only when Redis granted none.
     */
    private Uni<Void> leasedHit(Limit limit, String key) {
        Lease held = leases.getIfPresent(key);
        if (held != null && held.take()) {
            return Uni.createFrom().voidItem();
        }
        CompletableFuture<Granted> mine = new CompletableFuture<>();
        CompletableFuture<Granted> pending = fetching.putIfAbsent(key, mine);
        if (pending == null) {
            pending = mine;
            take(limit, key, limit.lease()).subscribe().with(granted -> {
                if (granted.hits() > 0) {
                    keep(key, granted.hits(), System.nanoTime() + Duration.ofMillis(granted.msLeft()).toNanos());
                }
                fetching.remove(key, mine);
                mine.complete(granted);
            }, failure -> {
                fetching.remove(key, mine);
                mine.completeExceptionally(failure);
            });
        }
        // The fetch completes on the fetcher's context: each waiter goes on in its own request's (its database
        // session, its trace), never in another request's.
        Context caller = Vertx.currentContext();
        Uni<Granted> joined = Uni.createFrom().completionStage(pending);
        if (caller != null) {
            joined = joined.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        }
        return joined.chain(granted -> {
            if (granted.hits() == 0) {
                Lease left = leases.getIfPresent(key);
                return left != null && left.take() ? Uni.createFrom().voidItem() : Uni.createFrom().failure(refusal(granted.msLeft()));
            }
            return leasedHit(limit, key);
        });
    }

    /** Adds hits Redis granted to this node's lease of {@code key} (the lease of the same window, or a new one). */
    private void keep(String key, int hits, long until) {
        leases.asMap().compute(key, (k, held) -> {
            if (held != null && System.nanoTime() < held.until()) {
                held.left().addAndGet(hits);
                return held;
            }
            return new Lease(new AtomicInteger(hits), until);
        });
    }

    private static ApiException refusal(long msLeft) {
        long seconds = Math.max(1, (msLeft + 999) / 1000);
        return ApiException.retryAfter(ErrorCode.RATE_LIMITED, seconds, seconds);
    }

    /**
     * Gives back one hit of {@code subject}, for a limit on failures when the attempt turned out not to be one
     * (it succeeded, or another limit refused it before any work was done).
     */
    public Uni<Void> refund(Limit limit, String subject) {
        return REFUND.run(redis, 1, key(limit, subject)).replaceWithVoid();
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
                throw refusal(ttl.toLong());
            });
        });
    }

    /** Forgets the hits of {@code subject} (e.g. failed logins after a success). */
    public Uni<Void> reset(Limit limit, String subject) {
        leases.invalidate(key(limit, subject));
        return redis.execute("DEL", key(limit, subject)).replaceWithVoid();
    }

    private static String key(Limit limit, String subject) {
        return "banhao:rl:" + limit.name() + ":" + subject;
    }
}
