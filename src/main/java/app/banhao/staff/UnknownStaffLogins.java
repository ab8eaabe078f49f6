package app.banhao.staff;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * Failed logins of usernames that have no active account, counted and locked exactly like a real account's
 * ({@link StaffAuthService#MAX_FAILURES} in a row lock it for {@link StaffAuthService#LOCKOUT}), so that the
 * answers to a guesser never tell a real username from an invented one. Kept in Redis (with a TTL) rather
 * than PostgreSQL so invented usernames leave nothing behind; keyed by a keyed hash of the username.
 */
@ApplicationScoped
class UnknownStaffLogins {

    /** One more failure; the one that reaches the maximum starts the lock and clears the count. */
    private static final RedisScript FAIL = new RedisScript("""
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            if n >= tonumber(ARGV[1]) then
              redis.call('DEL', KEYS[1])
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
            end
            return n
            """);
    /** A day without failures forgets the count (a real account's count lasts until its next success). */
    private static final Duration COUNT_KEPT = Duration.ofDays(1);

    private final ReactiveRedisDataSource redis;
    private final DataProtection crypto;

    UnknownStaffLogins(ReactiveRedisDataSource redis, DataProtection crypto) {
        this.redis = redis;
        this.crypto = crypto;
    }

    /** Seconds the username stays locked; 0 when it is not. */
    Uni<Long> lockedSeconds(String username) {
        return redis.execute("PTTL", key(username, "lock")).map(ttl -> ttl.toLong() <= 0 ? 0L : Math.max(1, (ttl.toLong() + 999) / 1000));
    }

    Uni<Void> fail(String username) {
        return FAIL.run(redis, 2, key(username, "fails"), key(username, "lock"),
                Integer.toString(StaffAuthService.MAX_FAILURES), Long.toString(StaffAuthService.LOCKOUT.toMillis()),
                Long.toString(COUNT_KEPT.toMillis())).replaceWithVoid();
    }

    private String key(String username, String what) {
        return keyOf(crypto.blindIndexText("staff-username", username), what);
    }

    /**
     * The hash tag keeps both keys of one username in one Redis Cluster slot, as the script needs
     * (RedisClusterKeyLayoutTest).
     */
    static String keyOf(String usernameIndex, String what) {
        return "banhao:staff-login:{" + usernameIndex + "}:" + what;
    }
}
