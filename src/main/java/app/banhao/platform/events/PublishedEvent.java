package app.banhao.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** An event as the relay hands it to a consumer: its envelope, and its payload readable as its record. */
public final class PublishedEvent {

    private final OutboxEvent row;
    /**
     * The event as its writer made it, while the writer hands it over (in its transaction, right after its commit);
     * null when the relay read it back from {@code outbox_event}.
     */
    private final DomainEvent made;
    private final ObjectMapper json;
    /** The payload read as each record type asked for; shared by the views of one event ({@link #asInItsWritersTransaction}). */
    private final Map<Class<?>, Object> read;
    private final List<Supplier<Uni<Void>>> afterCommit;
    private final boolean queued;
    private final List<EventConsumer> afterWritersCommit;

    PublishedEvent(OutboxEvent row, ObjectMapper json) {
        this(row, null, json, new HashMap<>(4), new ArrayList<>(1), true, List.of());
    }

    private PublishedEvent(OutboxEvent row, DomainEvent made, ObjectMapper json, Map<Class<?>, Object> read,
            List<Supplier<Uni<Void>>> afterCommit, boolean queued, List<EventConsumer> afterWritersCommit) {
        this.row = row;
        this.made = made;
        this.json = json;
        this.read = read;
        this.afterCommit = afterCommit;
        this.queued = queued;
        this.afterWritersCommit = afterWritersCommit;
    }

    /**
     * {@code event} as the consumers that run in the writer's transaction see it, while that transaction writes it: no
     * after-commit actions ({@link EventConsumer#inWritersTransaction}).
     */
    static PublishedEvent inWritersTransaction(UUID id, DomainEvent event, String payload, ObjectMapper json) {
        return new PublishedEvent(row(id, event, payload), event, json, new HashMap<>(4), null, false, List.of());
    }

    /**
     * This event kept by its writer ({@link #written}) as the consumers in the writer's transaction see it: no
     * after-commit actions, and the payload read once for both (the same text gives the same records).
     */
    PublishedEvent asInItsWritersTransaction() {
        return new PublishedEvent(row, made, json, read, null, false, List.of());
    }

    /**
     * {@code event} as its writer keeps it for the delivery right after its commit ({@link OutboxRelay#deliverNow}):
     * the envelope the relay would read back from {@code outbox_event}, without reading it back; {@code queued} when some
     * queued consumer is owed it, and the consumers the writer hands it to itself ({@link EventConsumer#afterWritersCommit}).
     */
    static PublishedEvent written(UUID id, DomainEvent event, String payload, ObjectMapper json, boolean queued,
            List<EventConsumer> afterWritersCommit) {
        return new PublishedEvent(row(id, event, payload), event, json, new HashMap<>(4), new ArrayList<>(1), queued,
                afterWritersCommit);
    }

    /** Whether some queued consumer is owed this event (it has delivery rows). */
    boolean queued() {
        return queued;
    }

    /** The consumers its writer hands it to right after the commit, with no delivery row. */
    List<EventConsumer> afterWritersCommit() {
        return afterWritersCommit;
    }

    private static OutboxEvent row(UUID id, DomainEvent event, String payload) {
        OutboxEvent row = new OutboxEvent();
        row.id = id;
        row.aggregateType = event.aggregateType();
        row.aggregateId = event.aggregateId();
        row.type = event.type();
        row.payload = payload;
        return row;
    }

    public UUID id() {
        return row.id;
    }

    /**
     * Whether this is the hand-over in the transaction that writes the event ({@link EventConsumer#inWritersTransaction}):
     * then no earlier delivery can have written the consumer's rows, and it need not look for them.
     */
    public boolean inItsWritersTransaction() {
        return afterCommit == null;
    }

    public String aggregateType() {
        return row.aggregateType;
    }

    public String aggregateId() {
        return row.aggregateId;
    }

    public String type() {
        return row.type;
    }

    public String payloadJson() {
        return row.payload;
    }

    /**
     * The payload as the record that was published, read once per type: the consumers of one delivery round share
     * this envelope, and records are immutable. Handed over by its writer, an event asked for as its own type is the
     * writer's record itself, not read: the payload is that record's text, so reading it gives an equal record (the
     * mapper reads times into UTC: the same instants, and {@code BusinessClock} already keeps UTC to the microsecond),
     * and reading it back was nearly half of what the outbox cost a submission (3.2% of the JVM's samples of 7.1%: each
     * of its events read for the timeline and for the inbox).
     */
    public <T> T as(Class<T> type) {
        return madeAs(type).orElseGet(() -> type.cast(read.computeIfAbsent(type, this::parse)));
    }

    /**
     * The event as its writer made it, when its writer hands it over and it is a {@code type}; empty when the relay read
     * it back. For a consumer that reads what an interface of the event gives ({@link CaseTimelineFact}'s entry), and
     * otherwise its own record of that part of the payload ({@link #as}).
     */
    public <T> Optional<T> madeAs(Class<T> type) {
        return type.isInstance(made) ? Optional.of(type.cast(made)) : Optional.empty();
    }

    private Object parse(Class<?> type) {
        try {
            return json.readValue(row.payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + row.id + " (" + row.type + ") is not a " + type.getSimpleName(), e);
        }
    }

    /**
     * Runs {@code action} once the transaction this delivery runs in has committed, never if it rolls back: for a
     * consumer that tells readers to look (the live push), so that what they then read is there. Best effort: a
     * failing action is logged, and a crash between the commit and the action drops it. Refused to a consumer that
     * runs in the writer's transaction.
     */
    public void afterCommit(Supplier<Uni<Void>> action) {
        if (afterCommit == null) {
            throw new IllegalStateException("A consumer that runs in the writer's transaction has no commit of its own to act after"
                    + " (event " + row.id + ", " + row.type + ")");
        }
        afterCommit.add(action);
    }

    /** The actions registered by {@link #afterCommit}, run one after the other; never fails. */
    Uni<Void> runAfterCommit() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<Void>> action : afterCommit) {
            chain = chain.chain(() -> Uni.createFrom().<Void>deferred(action::get).onFailure().recoverWithUni(e -> {
                Log.warnf("After-commit action of event %s (%s) failed: %s", row.id, row.type, e.toString());
                return Uni.createFrom().voidItem();
            }));
        }
        afterCommit.clear();
        return chain;
    }
}
