package app.banhao.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.platform.crypto.Digests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;

/**
 * Cache-aside over Redis for read-mostly JSON (DESIGN.md §8), with PostgreSQL (the loader) as the only
 * copy of the data.
 *
 * <ul>
 * <li><b>Versioned keys.</b> Each namespace has a version; entries live under
 * {@code banhao:{ns}:cache:<version>:<key>}. {@link #invalidate(String)} bumps the version, so every
 * node reads fresh data at once and old entries simply expire. The version and the entry are read in
 * one round trip by a script; the hash tag {@code {ns}} keeps a namespace's keys in one Redis Cluster slot
 * as scripts require.</li>
 * <li><b>TTL with jitter</b> (up to +20%), so entries written together do not expire together.</li>
 * <li><b>Near cache.</b> Each node keeps what it read for {@code banhao.cache.local-ttl} (1 s), under the
 * version it last learnt from Redis (at most that long ago): the hottest reads cost no round trip. A
 * publish on this node is seen at once; on other nodes within the local TTL. 0 turns it off.</li>
 * <li><b>One loader per key.</b> Concurrent misses on one node share one load; across nodes a short
 * Redis lock lets one node load while the others wait briefly for its result.</li>
 * <li><b>Never loading.</b> {@link #cached} reads the same way and loads nothing: for a caller that holds a
 * database connection while it asks, since the loader would take a second one of the same pool.</li>
 * <li><b>Redis down.</b> Reads go straight to the loader (still one per key per node), counted in
 * {@code banhao_cache_reads_total{result="bypass"}}; nothing fails. A version bump that could not reach
 * Redis is repeated once Redis answers, before the namespace is read again.</li>
 * </ul>
 */
@ApplicationScoped
public class CacheAside {

    private final ReactiveRedisDataSource redis;
    private final RedisAvailability availability;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final Duration lockTtl;
    private final Duration lockWait;
    private final Map<String, Uni<CachedJson>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final CacheVersions versions;
    private final NearCache near;

    public CacheAside(ReactiveRedisDataSource redis, RedisAvailability availability, ObjectMapper json,
            MeterRegistry metrics,
            @ConfigProperty(name = "banhao.cache.lock-ttl", defaultValue = "PT5S") Duration lockTtl,
            @ConfigProperty(name = "banhao.cache.lock-wait", defaultValue = "PT1S") Duration lockWait,
            @ConfigProperty(name = "banhao.cache.local-ttl", defaultValue = "PT1S") Duration localTtl,
            @ConfigProperty(name = "banhao.cache.local-max-entries", defaultValue = "10000") int localMaxEntries) {
        this.redis = redis;
        this.availability = availability;
        this.json = json;
        this.metrics = metrics;
        this.lockTtl = lockTtl;
        this.lockWait = lockWait;
        this.versions = new CacheVersions(redis, availability);
        this.near = new NearCache(localTtl, localMaxEntries);
    }

    /**
     * The representation cached under {@code key} in {@code namespace}, loaded by {@code loader} (whose item
     * is serialised to JSON) on a miss. A failing loader fails this call and caches nothing.
     */
    public Uni<CachedJson> get(String namespace, String key, Duration ttl, Supplier<Uni<?>> loader) {
        return lookUp(namespace, key, ttl).chain(found -> {
            if (found.json() != null) {
                return Uni.createFrom().item(found.json());
            }
            if (found.entryKey() == null) {
                return bypass(namespace, key, loader);
            }
            count(namespace, "miss");
            return once(found.entryKey(), () -> loadUnderLock(namespace, found.entryKey(), ttl, loader))
                    .map(json -> near.remember(found.current(), found.entryKey(), ttl, json));
        });
    }

    /**
     * As {@link #get}, without ever loading: the representation when this node or Redis holds it, else null (a miss,
     * or Redis not answering). For a caller holding a database connection of its own while it asks: the loader would
     * wait for another connection of the same pool, and when every one is held by callers waiting on that same load,
     * for ever (the pool's timeout, then a failure for all of them). Such a caller lets its connection go and asks
     * {@link #get} on a miss.
     */
    public Uni<CachedJson> cached(String namespace, String key, Duration ttl) {
        return lookUp(namespace, key, ttl).map(found -> {
            if (found.json() == null) {
                count(namespace, found.entryKey() == null ? "bypass" : "miss");
            }
            return found.json();
        });
    }

    /**
     * What a read of {@code key} found: the entry (null on a miss), the key it lives under (null when Redis did not
     * answer: the caller bypasses it), and whether that is the namespace's current version, as {@link NearCache} needs.
     */
    private record Found(CachedJson json, String entryKey, boolean current) {
    }

    /** The near cache, then the namespace's version and the entry from Redis in one round trip; hits counted. */
    private Uni<Found> lookUp(String namespace, String key, Duration ttl) {
        if (!availability.usable()) {
            return Uni.createFrom().item(new Found(null, null, false));
        }
        CachedJson nearby = nearHit(namespace, key);
        if (nearby != null) {
            count(namespace, "hit-local");
            return Uni.createFrom().item(new Found(nearby, null, true));
        }
        return versions.catchUp(namespace).chain(() -> availability.guard(versions.readWithEntry(namespace, key)))
                .onFailure().recoverWithNull()
                .map(reply -> {
                    if (reply == null) {
                        return new Found(null, null, false);
                    }
                    String version = reply.get(0).toString();
                    boolean current = versions.learn(namespace, version);
                    String entryKey = CacheVersions.entryKey(namespace, version, key);
                    Response entry = reply.get(1);
                    if (entry == null) {
                        return new Found(null, entryKey, current);
                    }
                    count(namespace, "hit");
                    return new Found(near.remember(current, entryKey, ttl, CachedJson.decode(entry.toString())), entryKey, current);
                });
    }

    /** Makes every entry of {@code namespace} stale at once, on every node. Never fails. */
    public Uni<Void> invalidate(String namespace) {
        return versions.bump(namespace);
    }

    private Uni<CachedJson> bypass(String namespace, String key, Supplier<Uni<?>> loader) {
        count(namespace, "bypass");
        return once("bypass:" + namespace + ":" + key, () -> load(namespace, loader));
    }

    /** One node loads and stores; a node that finds the lock taken waits for that result, then loads itself. */
    private Uni<CachedJson> loadUnderLock(String namespace, String entryKey, Duration ttl, Supplier<Uni<?>> loader) {
        String lockKey = CacheVersions.lockKey(entryKey);
        String token = UUID.randomUUID().toString();
        return availability.guard(redis.execute("SET", lockKey, token, "NX", "PX", Long.toString(lockTtl.toMillis())))
                .onFailure().recoverWithNull()
                .chain(locked -> {
                    if (locked == null) {
                        // No answer from Redis (or someone else holds the lock): never wait on a dead lock holder forever.
                        return waitForOther(entryKey, System.nanoTime() + lockWait.toNanos())
                                .chain(found -> found != null ? Uni.createFrom().item(found)
                                        : loadAndStore(namespace, entryKey, ttl, loader));
                    }
                    // The lock may have been freed by a loader that just stored the entry: look before loading.
                    return availability.guard(redis.execute("GET", entryKey)).onFailure().recoverWithNull()
                            .chain(stored -> stored != null ? Uni.createFrom().item(CachedJson.decode(stored.toString()))
                                    : loadAndStore(namespace, entryKey, ttl, loader))
                            .call(() -> availability.guard(redis.execute("DEL", lockKey)).onFailure().recoverWithNull());
                });
    }

    private Uni<CachedJson> waitForOther(String entryKey, long deadline) {
        if (!availability.usable() || System.nanoTime() - deadline >= 0) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(20))
                .chain(() -> availability.guard(redis.execute("GET", entryKey)).onFailure().recoverWithNull())
                .chain(found -> found != null ? Uni.createFrom().item(CachedJson.decode(found.toString()))
                        : waitForOther(entryKey, deadline));
    }

    private Uni<CachedJson> loadAndStore(String namespace, String entryKey, Duration ttl, Supplier<Uni<?>> loader) {
        return load(namespace, loader).call(value -> availability.guard(redis.execute("SET", entryKey, value.encode(),
                "PX", Long.toString(jittered(ttl)))).onFailure().recoverWithNull());
    }

    private Uni<CachedJson> load(String namespace, Supplier<Uni<?>> loader) {
        return Uni.createFrom().deferred(() -> loader.get()).map(model -> {
            count(namespace, "load");
            try {
                return CachedJson.of(json.writeValueAsString(model));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A cached model must serialise to JSON", e);
            }
        });
    }

    /**
     * Joins the load already running for {@code key}, or starts it. Callers get the result on their own
     * Vert.x context, whichever request's context the shared load ran on.
     */
    private Uni<CachedJson> once(String key, Supplier<Uni<CachedJson>> work) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<CachedJson> shared = inFlight.computeIfAbsent(key, k -> {
                AtomicReference<Uni<CachedJson>> self = new AtomicReference<>();
                self.set(Uni.createFrom().deferred(() -> work.get())
                        .onTermination().invoke(() -> inFlight.remove(k, self.get()))
                        .memoize().indefinitely());
                return self.get();
            });
            return caller == null ? shared : shared.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private void count(String namespace, String result) {
        counters.computeIfAbsent(namespace + '/' + result, k -> "load".equals(result)
                ? Counter.builder("banhao.cache.loads").description("Loads from PostgreSQL into the cache")
                        .tag("namespace", namespace).register(metrics)
                : Counter.builder("banhao.cache.reads").description("Cached reads by outcome")
                        .tag("namespace", namespace).tag("result", result).register(metrics))
                .increment();
    }

    /**
     * The near-cache entry for {@code key}, when this node learnt the namespace's version within the local
     * TTL (a publish on this node updates it at once; one on another node is seen within the local TTL).
     */
    private CachedJson nearHit(String namespace, String key) {
        Long version = versions.learntWithin(namespace, near.ttlNanos());
        return version == null ? null : near.get(CacheVersions.entryKey(namespace, version, key));
    }

    /**
     * A key for a request with many parameters (search, filters, cursor): {@code kind:} and a digest of the
     * parameters, so keys stay short whatever the caller typed. Nulls and empty strings are distinct.
     */
    public static String digestKey(String kind, Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            canonical.append(part == null ? "\u0000" : part.toString()).append('\u001f');
        }
        return kind + ":" + Digests.sha256Hex(canonical.toString(), 16);
    }

    private static long jittered(Duration ttl) {
        long millis = ttl.toMillis();
        return millis + ThreadLocalRandom.current().nextLong(millis / 5 + 1);
    }
}
