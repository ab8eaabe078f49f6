package app.banhao.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** A leased limit ({@link RateLimiter.Limit#leased}): hits taken from Redis a lease at a time, never more than the limit. */
@QuarkusTest
class LeasedLimitTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    RateLimiter limiter;

    @Inject
    ReactiveRedisDataSource reactive;

    @Inject
    RedisDataSource redis;

    @Test
    void aLeaseIsAFiftiethOfTheLimitAtMostTwenty() {
        assertEquals(12, RateLimiter.Limit.leased("x", 600, Duration.ofMinutes(1)).lease());
        assertEquals(20, RateLimiter.Limit.leased("x", 100_000, Duration.ofMinutes(1)).lease());
        assertEquals(1, RateLimiter.Limit.leased("x", 60, Duration.ofMinutes(1)).lease());
        assertEquals(1, new RateLimiter.Limit("x", 100_000, Duration.ofMinutes(1)).lease());
    }

    @Test
    void hitsAreTakenFromRedisALeaseAtATime() {
        RateLimiter.Limit limit = RateLimiter.Limit.leased("test-lease-" + UUID.randomUUID(), 1_000, Duration.ofMinutes(1));
        limiter.hit(limit, "client").await().atMost(WAIT);
        assertEquals(20, counted(limit, "client"), "the first hit takes a lease of 20");
        for (int i = 1; i < 20; i++) {
            limiter.hit(limit, "client").await().atMost(WAIT);
        }
        assertEquals(20, counted(limit, "client"), "the next 19 use the lease, without Redis");
        limiter.hit(limit, "client").await().atMost(WAIT);
        assertEquals(40, counted(limit, "client"), "the 21st takes the next lease");
    }

    @Test
    void twoNodesTogetherLetThroughExactlyWhatIsLeftOfTheLimit() {
        RateLimiter.Limit limit = RateLimiter.Limit.leased("test-lease-" + UUID.randomUUID(), 1_000, Duration.ofMinutes(1));
        redis.value(Integer.class).setex(key(limit, "client"), 60, 1_000 - 45);
        RateLimiter other = new RateLimiter(reactive); // a second node: its own leases, the same Redis
        List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            RateLimiter node = i % 2 == 0 ? limiter : other;
            attempts.add(node.hit(limit, "client").map(v -> true)
                    .onFailure(ApiException.class).recoverWithItem(false)
                    .subscribeAsCompletionStage().toCompletableFuture());
        }
        long through = attempts.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
        assertEquals(45, through, "leases split what was left between the nodes; none let one more through");
        assertEquals(1_000, counted(limit, "client"));
    }

    @Test
    void aLeaseEndsWithItsWindow() throws InterruptedException {
        RateLimiter.Limit limit = RateLimiter.Limit.leased("test-lease-" + UUID.randomUUID(), 1_000, Duration.ofMillis(700));
        limiter.hit(limit, "client").await().atMost(WAIT);
        Thread.sleep(900);
        assertEquals(0, counted(limit, "client"), "Redis ended the window");
        limiter.hit(limit, "client").await().atMost(WAIT);
        assertEquals(20, counted(limit, "client"), "the leftover of the old window's lease was not used: a new lease was taken");
    }

    @Test
    void overTheLimitTheLeaseIsRefusedWithTheTimeLeft() {
        RateLimiter.Limit limit = RateLimiter.Limit.leased("test-lease-" + UUID.randomUUID(), 1_000, Duration.ofMinutes(1));
        redis.value(Integer.class).setex(key(limit, "client"), 60, 1_000);
        ApiException refused = assertThrows(ApiException.class, () -> limiter.hit(limit, "client").await().atMost(WAIT));
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        assertTrue(Long.parseLong(refused.headers().get("Retry-After")) > 0, refused.headers().toString());
        assertEquals(1_000, counted(limit, "client"), "a refused lease is not counted");
    }

    private int counted(RateLimiter.Limit limit, String subject) {
        Integer n = redis.value(Integer.class).get(key(limit, subject));
        return n == null ? 0 : n;
    }

    private static String key(RateLimiter.Limit limit, String subject) {
        return "banhao:rl:" + limit.name() + ":" + subject;
    }
}
