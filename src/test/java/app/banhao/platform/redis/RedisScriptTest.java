package app.banhao.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.crypto.Digests;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RedisScriptTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ReactiveRedisDataSource reactive;

    @Inject
    RedisDataSource redis;

    @Test
    void runsAScriptRedisDoesNotHoldAndKeepsItForTheNextCall() {
        // A script of its own (a unique comment), so no other test has loaded it.
        String source = "-- " + UUID.randomUUID() + "\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])";
        String sha = Digests.sha1Hex(source);
        String key = "banhao:test:script:" + UUID.randomUUID();
        RedisScript script = new RedisScript(source);
        assertFalse(held(sha), "not loaded before the first call");

        assertEquals(5, script.run(reactive, 1, key, "5").await().atMost(WAIT).toLong());
        assertTrue(held(sha), "the fallback to EVAL leaves the script in Redis's cache");
        assertEquals(12, script.run(reactive, 1, key, "7").await().atMost(WAIT).toLong());

        redis.execute("SCRIPT", "FLUSH");
        assertEquals(13, script.run(reactive, 1, key, "1").await().atMost(WAIT).toLong(), "after a flush it is sent again");
        redis.key().del(key);
    }

    @Test
    void anErrorOfTheScriptItselfReachesTheCaller() {
        String key = "banhao:test:script:" + UUID.randomUUID();
        redis.value(String.class).set(key, "not a number");
        RedisScript script = new RedisScript("-- " + UUID.randomUUID() + "\nreturn redis.call('INCR', KEYS[1])");
        for (int call = 0; call < 2; call++) { // once sent whole (not held), once by its SHA-1
            Throwable error = assertThrows(RuntimeException.class, () -> script.run(reactive, 1, key).await().atMost(WAIT));
            assertTrue(error.getMessage().contains("not an integer"), error.getMessage());
        }
        redis.key().del(key);
    }

    private boolean held(String sha) {
        return redis.execute("SCRIPT", "EXISTS", sha).get(0).toInteger() == 1;
    }
}
