package app.banhao.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.OutboxSteps;
import app.banhao.testing.faults.Await;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

@QuarkusTest
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    RecordingConsumer recording;

    @Inject
    FailingConsumer failing;

    @Inject
    InTransactionConsumer inTransaction;

    @Inject
    AfterCommitConsumer afterCommit;

    @Inject
    MeterRegistry metrics;

    @Inject
    OutboxCommits commits;

    @Inject
    DataSource jdbc;

    @Test
    void whatCommittedIsDeliveredWhatRolledBackIsNeverAnnounced() throws Throwable {
        String committed = "commit-" + UUID.randomUUID();
        String rolledBack = "rollback-" + UUID.randomUUID();
        publish(new TestEvents.TestHappened(committed, 1));
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.publish(new TestEvents.TestHappened(rolledBack, 1))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed"))))));
        drain();

        Await.until(Duration.ofSeconds(10), "the committed event", () -> recording.of(committed).size() == 1);
        assertEquals(List.of(), recording.of(rolledBack));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", rolledBack));
        assertEquals(1, count("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = ? AND d.state = 'DONE'", committed));
    }

    @Test
    void relaysRacingEachOtherDeliverEveryEventOncePerConsumerInOrderPerAggregate() throws Exception {
        List<String> things = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            things.add("race-" + i + "-" + UUID.randomUUID());
        }
        int perThing = 25;
        // Written in parallel by several writers, one transaction per event, each aggregate by one writer at a time.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> writers = new ArrayList<>();
            for (String thing : things) {
                writers.add(pool.submit(() -> {
                    for (int n = 1; n <= perThing; n++) {
                        publish(new TestEvents.TestHappened(thing, n));
                    }
                    return null;
                }));
            }
            // Three relays race the scheduled one while the writers write: as several nodes would.
            List<Future<Object>> relays = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                relays.add(pool.submit(drainUntilWritersAreDone(writers)));
            }
            for (Future<Object> f : writers) {
                f.get();
            }
            for (Future<Object> f : relays) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Await.until(Duration.ofSeconds(30), "every event delivered",
                () -> things.stream().allMatch(t -> recording.of(t).size() >= perThing));
        for (String thing : things) {
            List<RecordingConsumer.Seen> seen = recording.of(thing);
            Map<String, Long> timesEach = seen.stream().collect(Collectors.groupingBy(RecordingConsumer.Seen::eventId,
                    Collectors.counting()));
            assertEquals(perThing, timesEach.size(), thing);
            assertTrue(timesEach.values().stream().allMatch(c -> c == 1), "an event was delivered twice: " + timesEach);
            List<Integer> order = seen.stream().map(RecordingConsumer.Seen::n).toList();
            List<Integer> expected = new ArrayList<>();
            for (int n = 1; n <= perThing; n++) {
                expected.add(n);
            }
            assertEquals(expected, order, "order of " + thing);
        }
    }

    @Test
    void aWritersOwnEventsAreDeliveredInOrderRightAfterItsCommitBeforeItAnswers() throws Throwable {
        String thing = "at-commit-" + UUID.randomUUID();
        OutboxSteps.await(() -> commits.commitThenDeliver(() -> outbox.publish(new TestEvents.TestHappened(thing, 1))
                .chain(() -> outbox.publish(new TestEvents.TestHappened(thing, 2)))));
        // No drain and no wait: handed over, and marked done once, before the unit of work completed.
        assertEquals(List.of(1, 2), recording.of(thing).stream().map(RecordingConsumer.Seen::n).toList());
        assertEquals(2, count("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = ? AND d.consumer = 'test-recording' AND d.state = 'DONE' AND d.attempts = 1", thing));
    }

    @Test
    void aWriterWithMoreEventsThanOneClaimTakesHasThemAllDeliveredInOrderAtCommit() throws Throwable {
        String thing = "many-at-commit-" + UUID.randomUUID();
        int events = 2 * DueDeliveries.OWN_EVENTS_PER_CLAIM + 3; // three turns, the last one short
        OutboxSteps.await(() -> commits.commitThenDeliver(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int n = 1; n <= events; n++) {
                int number = n;
                chain = chain.chain(() -> outbox.publish(new TestEvents.TestHappened(thing, number)));
            }
            return chain;
        }));
        // Each turn's events wait for the one before it of the same aggregate: without the earlier turn written as done
        // before the next looks, everything after the first 16 would be left to the poll.
        List<Integer> expected = new ArrayList<>();
        for (int n = 1; n <= events; n++) {
            expected.add(n);
        }
        assertEquals(expected, recording.of(thing).stream().map(RecordingConsumer.Seen::n).toList());
        assertEquals(events, count("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = ? AND d.consumer = 'test-recording' AND d.state = 'DONE' AND d.attempts = 1", thing));
    }

    @Test
    void aConsumerTakingEventsAfterTheWritersCommitIsHandedThemBeforeItAnswersInOrderWithNoDeliveryRow() throws Throwable {
        String thing = "announced-" + UUID.randomUUID();
        String rolledBack = "announced-rollback-" + UUID.randomUUID();
        double handedBefore = metrics.counter("banhao.outbox.handed.over").count();
        OutboxSteps.await(() -> commits.commitThenDeliver(() -> outbox.publish(new TestEvents.TestAnnounced(thing, 1))
                .chain(() -> outbox.publish(new TestEvents.TestAnnouncedFailing(thing, 2)))
                .chain(() -> outbox.publish(new TestEvents.TestAnnounced(thing, 3)))));
        // No drain and no wait; the failing hand-over is logged, and the one after it still happens.
        assertEquals(List.of(thing + "#1", thing + "#2", thing + "#3"), afterCommit.of(thing));
        assertEquals(2, metrics.counter("banhao.outbox.handed.over").count() - handedBefore, 0.0,
                "counted apart from the deliveries, the failed one not at all");
        assertEquals(3, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", thing), "the events are recorded");
        assertEquals(0, count("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = ? AND d.consumer = 'test-after-commit'", thing), "no delivery row is owed to it");
        // The queued consumer that takes the same events was delivered them at commit as usual, before the hand-over.
        assertEquals(3, count("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = ? AND d.consumer = 'test-recording' AND d.state = 'DONE'", thing));

        assertThrows(IllegalStateException.class, () -> OutboxSteps.await(() -> commits.commitThenDeliver(
                () -> outbox.publish(new TestEvents.TestAnnounced(rolledBack, 1))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed"))))));
        assertEquals(List.of(), afterCommit.of(rolledBack), "what rolled back is never handed over");
    }

    @Test
    void anEventWrittenWhereNoWriterDeliversAtCommitIsQueuedForAnAfterCommitConsumerAndTheRelayHandsItOver() throws Throwable {
        String thing = "announced-queued-" + UUID.randomUUID();
        publish(new TestEvents.TestAnnounced(thing, 1)); // a plain transaction, as a relay's consumer or a job writes
        assertEquals(1, count("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = ? AND d.consumer = 'test-after-commit' AND d.state = 'PENDING'", thing));
        drain();
        Await.until(Duration.ofSeconds(10), "the relay's hand-over", () -> afterCommit.of(thing).size() == 1);
        assertEquals(1, count("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = ? AND d.consumer = 'test-after-commit' AND d.state = 'DONE'", thing));
    }

    @Test
    void aConsumerFailingAtCommitLeavesItsDeliveriesToTheRelayAndTheWriterIsAnsweredAsUsual() throws Throwable {
        String thing = "fails-at-commit-" + UUID.randomUUID();
        // The failing consumer takes TestFlaky; so does the recording one. The unit of work completes normally.
        OutboxSteps.await(() -> commits.commitThenDeliver(() -> outbox.publish(new TestEvents.TestFlaky(thing, 1))));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", thing), "the change committed");
        Await.until(Duration.ofSeconds(10), "the relay's delivery to the healthy consumer", () -> count(
                "SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE e.aggregate_id = ?"
                        + " AND d.consumer = 'test-recording' AND d.state = 'DONE'", thing) == 1);
    }

    @Test
    void anAggregatesQueuedEventsGoOutInOneDrainNotOneEventPerPoll() throws Throwable {
        String thing = "chain-" + UUID.randomUUID();
        int events = 20;
        for (int n = 1; n <= events; n++) {
            publish(new TestEvents.TestHappened(thing, n));
        }
        drain();
        // Each event is due only once the one before it is delivered; a drain that stopped after one round would leave
        // the rest to the poll (1 s each, 20 s in all). Another drain may take some of them; it chains them the same way.
        Await.until(Duration.ofSeconds(5), "the whole chain", () -> recording.of(thing).size() == events);
        List<Integer> expected = new ArrayList<>();
        for (int n = 1; n <= events; n++) {
            expected.add(n);
        }
        assertEquals(expected, recording.of(thing).stream().map(RecordingConsumer.Seen::n).toList());
    }

    @Test
    void aConsumerThatKeepsFailingIsDeadLetteredWithoutHoldingUpOthers() throws Throwable {
        String thing = "flaky-" + UUID.randomUUID();
        publish(new TestEvents.TestFlaky(thing, 1));
        publish(new TestEvents.TestHappened(thing, 2));

        // The healthy consumer gets both events at once, though the other one is failing on the first.
        Await.until(Duration.ofSeconds(10), "the healthy consumer's deliveries", () -> recording.of(thing).size() == 2);
        assertEquals(List.of(1, 2), recording.of(thing).stream().map(RecordingConsumer.Seen::n).toList());

        Await.until(Duration.ofSeconds(30), "the failing delivery dead-lettered", () -> count(
                "SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE e.aggregate_id = ?"
                        + " AND d.consumer = 'test-failing' AND d.state = 'DEAD' AND d.attempts = 3"
                        + " AND d.last_error LIKE 'downstream refused%'", thing) == 1);
    }

    @Test
    void aConsumerInTheWritersTransactionIsHandedTheEventBeforeTheCommitAndIsOwedNothing() throws Throwable {
        String thing = "in-tx-" + UUID.randomUUID();
        List<String> seenBeforeCommit = OutboxSteps.await(() -> Panache.withTransaction(
                () -> outbox.publish(new TestEvents.TestWritten(thing, 1)).map(v -> inTransaction.of(thing))));
        assertEquals(List.of(thing + "#1"), seenBeforeCommit);
        // Only the queued consumer is owed a delivery, and gets it.
        assertEquals(List.of("test-recording"), strings("SELECT d.consumer FROM outbox_delivery d JOIN outbox_event e"
                + " ON e.id = d.event_id WHERE e.aggregate_id = ? ORDER BY 1", thing));
        drain();
        Await.until(Duration.ofSeconds(10), "the queued consumer's delivery", () -> recording.of(thing).size() == 1);
        assertEquals(List.of(thing + "#1"), inTransaction.of(thing), "handed over once, by the writer");
    }

    @Test
    void aConsumerInTheWritersTransactionCannotActAfterACommitAndItsFailureFailsTheWriter() {
        String thing = "in-tx-after-" + UUID.randomUUID();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> OutboxSteps.await(
                () -> Panache.withTransaction(() -> outbox.publish(new TestEvents.TestWrittenActingAfterCommit(thing, 1)))));
        assertTrue(refused.getMessage().contains("no commit of its own"), refused.getMessage());
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", thing));
    }

    @Test
    void backoffDoublesFromTheBaseUpToTheCap() {
        // Test settings: base 10 ms, cap 1 s, ±20% jitter.
        assertBetween(8, 12, relay.backoff(1).toMillis());
        assertBetween(32, 48, relay.backoff(3).toMillis());
        assertBetween(800, 1200, relay.backoff(30).toMillis());
    }

    private static void assertBetween(long low, long high, long actual) {
        assertTrue(actual >= low && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }

    private Callable<Object> drainUntilWritersAreDone(List<Future<Object>> writers) {
        return () -> {
            do {
                drain();
            } while (!writers.stream().allMatch(Future::isDone));
            drain();
            return null;
        };
    }

    private void publish(DomainEvent event) throws Exception {
        OutboxSteps.publish(outbox, event);
    }

    private void drain() throws Exception {
        OutboxSteps.drain(relay);
    }

    private List<String> strings(String sql, String param) {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String param) {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
