package app.banhao.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The envelopes {@link Outbox} builds for one event: what they share and what they refuse. */
class PublishedEventTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theWritersTransactionAndTheHandOverAfterItReadThePayloadOnce() throws Exception {
        TestEvents.TestWritten event = new TestEvents.TestWritten("shared", 7);
        PublishedEvent kept = PublishedEvent.written(UUID.randomUUID(), event, json.writeValueAsString(event), json, true, List.of());
        PublishedEvent inTransaction = kept.asInItsWritersTransaction();

        TestEvents.TestWritten read = inTransaction.as(TestEvents.TestWritten.class);
        assertEquals(event, read);
        assertSame(read, kept.as(TestEvents.TestWritten.class), "parsed once for both views of the event");
        assertEquals(kept.id(), inTransaction.id());
        assertTrue(inTransaction.inItsWritersTransaction());
        assertThrows(IllegalStateException.class, () -> inTransaction.afterCommit(() -> Uni.createFrom().voidItem()),
                "no commit of its own to act after");
    }

    @Test
    void itsWriterHandsOverItsOwnRecordAndTheRelayReadsThePayload() throws Exception {
        TestEvents.TestWritten event = new TestEvents.TestWritten("own", 3);
        String payload = json.writeValueAsString(event);
        PublishedEvent handedOver = PublishedEvent.inWritersTransaction(UUID.randomUUID(), event, payload, json);
        assertSame(event, handedOver.as(TestEvents.TestWritten.class), "the writer's record, not read from its text");
        assertSame(event, handedOver.madeAs(TestEvents.TestEvent.class).orElseThrow(), "also as an interface it has");
        assertTrue(handedOver.madeAs(TestEvents.TestHappened.class).isEmpty(), "not as a type it is not");

        OutboxEvent row = new OutboxEvent();
        row.id = handedOver.id();
        row.type = event.type();
        row.payload = payload;
        PublishedEvent relayed = new PublishedEvent(row, json);
        assertTrue(relayed.madeAs(TestEvents.TestEvent.class).isEmpty(), "read back from outbox_event: no record of the writer's");
        TestEvents.TestWritten read = relayed.as(TestEvents.TestWritten.class);
        assertNotSame(event, read);
        assertEquals(event, read);
    }

    @Test
    void twoEventsDoNotShareTheirReadings() throws Exception {
        TestEvents.TestWritten first = new TestEvents.TestWritten("a", 1);
        TestEvents.TestWritten second = new TestEvents.TestWritten("a", 1);
        PublishedEvent one = PublishedEvent.written(UUID.randomUUID(), first, json.writeValueAsString(first), json, true, List.of());
        PublishedEvent other = PublishedEvent.written(UUID.randomUUID(), second, json.writeValueAsString(second), json, true, List.of());
        assertNotSame(one.as(TestEvents.TestWritten.class), other.as(TestEvents.TestWritten.class));
        assertNotSame(one.as(TestEvents.TestHappened.class), other.as(TestEvents.TestHappened.class), "read from each payload");
    }
}
