package app.banhao.platform.redis;

import app.banhao.platform.crypto.Digests;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), sent whole ({@code EVAL}) only when Redis answers that it does not
 * hold it (after a restart or {@code SCRIPT FLUSH}; EVAL caches it again): a call carries 40 hex digits instead of
 * the script, and Redis looks the script up instead of hashing its text.
 */
public final class RedisScript {

    private final String source;
    private final String sha;

    public RedisScript(String source) {
        this.source = source;
        this.sha = Digests.sha1Hex(source);
    }

    /** Runs the script with {@code keyCount} keys followed by the arguments, as EVAL takes them. */
    public Uni<Response> run(ReactiveRedisDataSource redis, int keyCount, String... keysThenArgs) {
        String[] evalsha = command(sha, keyCount, keysThenArgs);
        return redis.execute("EVALSHA", evalsha)
                .onFailure(RedisScript::isNoScript)
                .recoverWithUni(() -> redis.execute("EVAL", command(source, keyCount, keysThenArgs)));
    }

    private static String[] command(String script, int keyCount, String[] keysThenArgs) {
        String[] args = new String[keysThenArgs.length + 2];
        args[0] = script;
        args[1] = Integer.toString(keyCount);
        System.arraycopy(keysThenArgs, 0, args, 2, keysThenArgs.length);
        return args;
    }

    static boolean isNoScript(Throwable error) {
        return error.getMessage() != null && error.getMessage().startsWith("NOSCRIPT");
    }
}
