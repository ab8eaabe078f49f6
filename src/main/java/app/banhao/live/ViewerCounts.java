package app.banhao.live;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.LiveViewers;
import app.banhao.platform.concurrent.Coalescer;
import app.banhao.platform.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Viewer figures of a live stream, in Redis only (DESIGN.md §8): unique viewers in a HyperLogLog (PFADD, ~0.8 % error,
 * 12 KB whatever the audience) and concurrent viewers in a sorted set scored by each viewer's last heartbeat. A
 * script adds viewers to both, drops the heartbeats older than the window (ZREMRANGEBYSCORE removes only what went
 * stale since the last call, so pruning costs in proportion to the leavers), and counts. Both keys carry the stream's
 * id as hash tag, so the script's keys share a Redis Cluster slot. Keys expire a day after the last heartbeat; the
 * unique figure is copied into PostgreSQL when the stream ends.
 *
 * <p>A node's heartbeats for one stream go to Redis together ({@link Coalescer}): while one script call for the
 * stream is out, the beats that arrive wait and go in the next, and each is answered with the figures after its call.
 * A popular stream's keys are one slot on one Redis node; one call per round trip per API node instead of one per
 * viewer keeps that node's load flat as the audience grows, and the API node's own cost per beat down.
 */
@ApplicationScoped
public class ViewerCounts {

    /** ARGV: now, stale before, keep (ms), then the viewers. */
    private static final String BEAT = """
            local scored = {}
            for i = 4, #ARGV do
              scored[#scored + 1] = ARGV[1]
              scored[#scored + 1] = ARGV[i]
            end
            redis.call('PFADD', KEYS[1], unpack(ARGV, 4))
            redis.call('ZADD', KEYS[2], unpack(scored))
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            return {redis.call('PFCOUNT', KEYS[1]), redis.call('ZCARD', KEYS[2])}
            """;
    private static final String READ = """
            return {redis.call('PFCOUNT', KEYS[1]), redis.call('ZCOUNT', KEYS[2], ARGV[1], '+inf')}
            """;
    private static final RedisScript BEAT_SCRIPT = new RedisScript(BEAT);
    private static final RedisScript READ_SCRIPT = new RedisScript(READ);
    private static final Duration KEEP = Duration.ofDays(1);
    /** Viewers in one script call at most: Lua's unpack and the command stay small. */
    static final int MAX_BEATS_PER_CALL = 500;

    private final ReactiveRedisDataSource redis;
    private final Duration window;
    private final Coalescer<UUID, String, LiveViewers> beats = new Coalescer<>(MAX_BEATS_PER_CALL, this::count);

    public ViewerCounts(ReactiveRedisDataSource redis,
            @ConfigProperty(name = "banhao.live.viewer-window", defaultValue = "PT65S") Duration window) {
        this.redis = redis;
        this.window = window;
    }

    /** Counts {@code viewer} as watching now; answers the figures after it. */
    public Uni<LiveViewers> beat(UUID streamId, String viewer) {
        return beats.submit(streamId, viewer);
    }

    /** One script call counting {@code viewers} of the stream as watching now. */
    private Uni<LiveViewers> count(UUID streamId, List<String> viewers) {
        String[] keys = keys(streamId);
        long now = System.currentTimeMillis();
        String[] keysThenArgs = new String[5 + viewers.size()];
        keysThenArgs[0] = keys[0];
        keysThenArgs[1] = keys[1];
        keysThenArgs[2] = Long.toString(now);
        keysThenArgs[3] = Long.toString(now - window.toMillis());
        keysThenArgs[4] = Long.toString(KEEP.toMillis());
        for (int i = 0; i < viewers.size(); i++) {
            keysThenArgs[5 + i] = viewers.get(i);
        }
        return BEAT_SCRIPT.run(redis, 2, keysThenArgs).map(ViewerCounts::figures);
    }

    /** The figures now, without counting anyone. */
    public Uni<LiveViewers> read(UUID streamId) {
        String[] keys = keys(streamId);
        String since = Long.toString(System.currentTimeMillis() - window.toMillis());
        return READ_SCRIPT.run(redis, 2, keys[0], keys[1], since)
                .map(ViewerCounts::figures);
    }

    /** The HyperLogLog and the sorted set of one stream, one hash tag (RedisClusterKeyLayoutTest). */
    static String[] keys(UUID streamId) {
        String prefix = "banhao:live:{" + streamId + "}:";
        return new String[] { prefix + "uv", prefix + "cv" };
    }

    private static LiveViewers figures(Response reply) {
        return new LiveViewers().uniqueViewers(reply.get(0).toLong()).concurrentViewers(reply.get(1).toLong());
    }
}
