package app.banhao.application.progress;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The live-progress subscription on the app's Redis: waiting for it to be proven live never breaks it. */
@QuarkusTest
class ResidentChannelSubscriptionTest {

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void aProbeThatDoesNotComeBackInTimeLeavesTheNextWaitsWorking() throws Exception {
        String prefix = "banhao:{events}:test-" + UUID.randomUUID() + ":";
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        // Its probes go to a channel outside its pattern, so none comes back within the 100 ms a probe is given: as
        // when Redis answers slowly under load. The wait that gives up must not spoil the waits after it.
        ResidentChannelSubscription subscription = new ResidentChannelSubscription(redis.pubsub(String.class), prefix + "*",
                "banhao:{events}:elsewhere-" + UUID.randomUUID(), Duration.ofMillis(400), (channel, m) -> received.add(channel + " " + m));
        try {
            for (int i = 0; i < 3; i++) { // the first subscribes, the next ones are what each heartbeat does
                int wait = i;
                assertDoesNotThrow(() -> subscription.ensureSubscribed().await().atMost(Duration.ofSeconds(5)), "wait " + wait);
            }
            redis.pubsub(String.class).publish(prefix + "r1", "hello").await().atMost(Duration.ofSeconds(5));
            assertEquals(prefix + "r1 hello", received.poll(5, TimeUnit.SECONDS), "the subscription delivers");
        } finally {
            subscription.stop();
        }
    }
}
