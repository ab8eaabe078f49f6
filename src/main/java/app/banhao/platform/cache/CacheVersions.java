package app.banhao.platform.cache;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import app.banhao.platform.redis.RedisScript;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The versioned key scheme of {@link CacheAside}: each namespace has a version in Redis and its entries live under
 * {@code banhao:{ns}:cache:<version>:<key>}, so bumping the version makes every entry stale on every node at once.
 * Also remembers, per namespace, the newest version this node learnt and bumps that could not reach Redis yet.
 */
final class CacheVersions {

    /** Reads the version (initialising a lost one above any earlier value) and the entry under it. */
    private static final String READ_SCRIPT = """
            local v = redis.call('GET', KEYS[1])
            if not v then
              redis.call('SET', KEYS[1], ARGV[3], 'NX')
              v = redis.call('GET', KEYS[1])
            end
            return {v, redis.call('GET', ARGV[1] .. v .. ':' .. ARGV[2])}
            """;
    private static final String BUMP_SCRIPT = """
            if not redis.call('GET', KEYS[1]) then
              redis.call('SET', KEYS[1], ARGV[1])
            end
            return redis.call('INCR', KEYS[1])
            """;
    private static final RedisScript READ = new RedisScript(READ_SCRIPT);
    private static final RedisScript BUMP = new RedisScript(BUMP_SCRIPT);

    private final ReactiveRedisDataSource redis;
    private final RedisAvailability availability;
    private final Set<String> pendingBumps = ConcurrentHashMap.newKeySet();
    /** Per namespace, the newest version this node knows and when it learnt it. */
    private final Map<String, KnownVersion> versions = new ConcurrentHashMap<>();

    private record KnownVersion(long version, long learntAt) {
    }

    CacheVersions(ReactiveRedisDataSource redis, RedisAvailability availability) {
        this.redis = redis;
        this.availability = availability;
    }

    /**
     * The namespace's version and the entry under it, in one round trip by a script; the hash tag {@code {ns}}
     * keeps a namespace's keys in one Redis Cluster slot as scripts require. Not guarded: the caller decides.
     */
    Uni<Response> readWithEntry(String namespace, String key) {
        String[] args = { versionKey(namespace), prefix(namespace), key, Long.toString(System.currentTimeMillis()) };
        return READ.run(redis, 1, args);
    }

    /** Bumps the namespace's version. Never fails: a bump Redis did not take is repeated by {@link #catchUp}. */
    Uni<Void> bump(String namespace) {
        return availability.guard(BUMP.run(redis, 1, versionKey(namespace), Long.toString(System.currentTimeMillis())))
                .invoke(version -> {
                    pendingBumps.remove(namespace);
                    versions.put(namespace, new KnownVersion(version.toLong(), System.nanoTime()));
                })
                .onFailure().invoke(e -> pendingBumps.add(namespace))
                .onFailure().invoke(e -> Log.warnf("Cache version of %s not bumped (Redis unavailable); "
                        + "repeated once Redis answers", namespace))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Repeats a bump that could not reach Redis, before the namespace is read again. */
    Uni<Void> catchUp(String namespace) {
        return pendingBumps.contains(namespace) ? bump(namespace) : Uni.createFrom().voidItem();
    }

    /** Records the version Redis just reported; false when this node already knows a newer one (a late reply). */
    boolean learn(String namespace, String version) {
        long reported = Long.parseLong(version);
        KnownVersion updated = versions.compute(namespace, (ns, known) ->
                known == null || reported >= known.version() ? new KnownVersion(reported, System.nanoTime()) : known);
        return updated.version() == reported;
    }

    /** The version this node learnt within {@code maxAgeNanos}, or null when it has none that recent. */
    Long learntWithin(String namespace, long maxAgeNanos) {
        KnownVersion known = versions.get(namespace);
        if (known == null || System.nanoTime() - known.learntAt() > maxAgeNanos) {
            return null;
        }
        return known.version();
    }

    static String entryKey(String namespace, Object version, String key) {
        return prefix(namespace) + version + ":" + key;
    }

    /** The cross-node loader lock of an entry, in its namespace's slot like every key of it. */
    static String lockKey(String entryKey) {
        return entryKey + ":lock";
    }

    private static String prefix(String namespace) {
        return "banhao:{" + namespace + "}:cache:";
    }

    /** The read script takes this key and builds the entry's: the hash tag keeps both in one slot (RedisClusterKeyLayoutTest). */
    static String versionKey(String namespace) {
        return prefix(namespace) + "version";
    }
}
