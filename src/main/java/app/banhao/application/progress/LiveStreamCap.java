package app.banhao.application.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.platform.redis.RedisScript;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;

/**
 * How many live-progress streams a resident holds across all nodes, and the cap on it
 * ({@code banhao.live.max-streams-per-resident}, 5): opening one more ends the oldest, on whichever node it is open
 * (a {@code close:} message on the resident's channel), so a new device always gets its stream and a forgotten tab
 * gives way. The count lives in Redis: sorted sets per resident of when each stream opened and when a heartbeat last
 * saw it, so a crashed node's streams fall out of it.
 */
@ApplicationScoped
public class LiveStreamCap {

    /** A message on a resident's channel that ends one of their streams, wherever it is open. */
    private static final String CLOSE = "close:";
    private static final String KEY_PREFIX = "banhao:live:{";
    /**
     * Forgets the streams no heartbeat refreshed, counts the new one, and answers the oldest streams past the
     * cap, which it drops from the count. KEYS: opened-at and last-seen sorted sets of one resident; ARGV:
     * stale-before, now, max, stream id, key ttl (ms).
     */
    private static final RedisScript ADMIT = new RedisScript("""
            for _, s in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])) do
              redis.call('ZREM', KEYS[1], s); redis.call('ZREM', KEYS[2], s)
            end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4]); redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5]); redis.call('PEXPIRE', KEYS[2], ARGV[5])
            local evicted = {}
            local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
            if over > 0 then
              for _, s in ipairs(redis.call('ZRANGE', KEYS[1], 0, over - 1)) do
                redis.call('ZREM', KEYS[1], s); redis.call('ZREM', KEYS[2], s); table.insert(evicted, s)
              end
            end
            return evicted
            """);

    private final ReactiveRedisDataSource redis;
    private final ReactivePubSubCommands<String> pubsub;
    private final int maxPerResident;
    /** How long an entry of the count lives without a heartbeat: three heartbeats. */
    private final Duration staleAfter;

    public LiveStreamCap(ReactiveRedisDataSource redis,
            @ConfigProperty(name = "banhao.live.max-streams-per-resident", defaultValue = "5") int maxPerResident,
            @ConfigProperty(name = "banhao.live.heartbeat", defaultValue = "15s") Duration heartbeat) {
        this.redis = redis;
        this.pubsub = redis.pubsub(String.class);
        this.maxPerResident = maxPerResident;
        this.staleAfter = heartbeat.multipliedBy(3);
    }

    /** Counts the stream {@code streamId} of the resident; answers the ids of their oldest streams past the cap. */
    Uni<List<String>> admit(UUID residentId, String streamId) {
        long now = System.currentTimeMillis();
        String[] keys = keys(residentId);
        return ADMIT.run(redis, 2, keys[0], keys[1], Long.toString(now - staleAfter.toMillis()),
                Long.toString(now), Integer.toString(maxPerResident), streamId, Long.toString(staleAfter.toMillis()))
                .map(evicted -> {
                    List<String> ids = new ArrayList<>();
                    evicted.forEach(old -> ids.add(old.toString()));
                    return ids;
                });
    }

    /** Tells every node to end these streams of the resident (each node ends those open on it). */
    Uni<Void> closeEverywhere(UUID residentId, List<String> streamIds) {
        List<Uni<Void>> closes = streamIds.stream()
                .map(id -> pubsub.publish(RedisApplicationEvents.channel(residentId), CLOSE + id).replaceWithVoid()).toList();
        return closes.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(closes).andFailFast().replaceWithVoid();
    }

    /** The stream a message on a resident's channel ends; null if it ends none. */
    static String closedBy(String message) {
        return message.startsWith(CLOSE) ? message.substring(CLOSE.length()) : null;
    }

    /** Takes a stream that ended out of the count, best effort: unrefreshed, it falls out anyway. */
    void uncount(UUID residentId, String streamId) {
        String[] keys = keys(residentId);
        redis.execute("ZREM", keys[0], streamId).chain(() -> redis.execute("ZREM", keys[1], streamId))
                .subscribe().with(r -> {
                }, e -> Log.debugf("Live progress: stream %s not uncounted (%s); it falls out of the count unrefreshed",
                        streamId, e.toString()));
    }

    /** Keeps this node's streams in their residents' counts (entries a heartbeat does not refresh fall out). */
    Uni<Void> refresh(Map<UUID, ? extends Collection<String>> streamIdsByResident) {
        String now = Long.toString(System.currentTimeMillis());
        String ttl = Long.toString(staleAfter.toMillis());
        List<Uni<Void>> refreshes = streamIdsByResident.entrySet().stream().map(e -> {
            String[] keys = keys(e.getKey());
            List<String> args = new ArrayList<>(List.of(keys[1], "XX"));
            e.getValue().forEach(id -> {
                args.add(now);
                args.add(id);
            });
            return redis.execute("ZADD", args.toArray(String[]::new))
                    .chain(() -> redis.execute("PEXPIRE", keys[0], ttl))
                    .chain(() -> redis.execute("PEXPIRE", keys[1], ttl))
                    .replaceWithVoid().onFailure().recoverWithNull();
        }).toList();
        return refreshes.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(refreshes).andCollectFailures().replaceWithVoid();
    }

    /**
     * The resident's opened-at and last-seen sorted sets (one hash tag: one slot on Redis Cluster, as the script needs;
     * RedisClusterKeyLayoutTest).
     */
    static String[] keys(UUID residentId) {
        return new String[] { KEY_PREFIX + residentId + "}:opened", KEY_PREFIX + residentId + "}:seen" };
    }
}
