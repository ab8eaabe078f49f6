package app.banhao.platform.redis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.faults.Await;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** A probed subscription on the app's Redis: waiting for it to be proven live never breaks it; it knows when it is lost. */
@QuarkusTest
class ProbedSubscriptionTest {

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void aProbeThatDoesNotComeBackInTimeLeavesTheNextWaitsWorking() throws Exception {
        String prefix = "banhao:{events}:test-" + UUID.randomUUID() + ":";
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        // Its probes go to a channel outside its pattern, so none comes back within the 100 ms a probe is given: as
        // when Redis answers slowly under load. The wait that gives up must not spoil the waits after it.
        ProbedSubscription subscription = new ProbedSubscription(redis.pubsub(String.class), prefix + "*",
                "banhao:{events}:elsewhere-" + UUID.randomUUID(), Duration.ofMillis(400), (channel, m) -> received.add(channel + " " + m), () -> { });
        try {
            for (int i = 0; i < 3; i++) { // the first subscribes, the next ones are what each heartbeat does
                int wait = i;
                assertDoesNotThrow(() -> subscription.ensureSubscribed().await().atMost(Duration.ofSeconds(5)), "wait " + wait);
            }
            redis.pubsub(String.class).publish(prefix + "r1", "hello").await().atMost(Duration.ofSeconds(5));
            assertEquals(prefix + "r1 hello", received.poll(5, TimeUnit.SECONDS), "the subscription delivers");
            assertFalse(subscription.live(), "never proven live: its probes never came back");
            assertFalse(subscription.reprobe().await().atMost(Duration.ofSeconds(5)));
        } finally {
            subscription.stop();
        }
    }

    @Test
    void aProvenSubscriptionStaysLiveUntilRedisDropsItAndIsMadeAgain() throws Exception {
        String prefix = "banhao:{probe-test}:" + UUID.randomUUID() + ":";
        AtomicInteger lost = new AtomicInteger();
        ProbedSubscription subscription = new ProbedSubscription(redis.pubsub(String.class), prefix + "*", prefix + "probe",
                Duration.ofSeconds(2), (channel, m) -> { }, lost::incrementAndGet);
        try {
            subscription.ensureSubscribed().await().atMost(Duration.ofSeconds(5));
            assertTrue(subscription.live(), "a probe came back");
            assertTrue(subscription.reprobe().await().atMost(Duration.ofSeconds(5)), "and comes back again");

            redis.execute("CLIENT", "KILL", "TYPE", "pubsub").await().atMost(Duration.ofSeconds(5));
            // Not live from the moment the subscription is dropped; its owner is told just after (CI once looked in
            // between): wait for both.
            Await.until(Duration.ofSeconds(5), "the subscription is known to be lost and its owner told",
                    () -> !subscription.live() && lost.get() > 0);
            assertEquals(1, lost.get(), "its owner was told once");

            subscription.ensureSubscribed().await().atMost(Duration.ofSeconds(5));
            assertTrue(subscription.live(), "made again");
        } finally {
            subscription.stop();
        }
    }
}
