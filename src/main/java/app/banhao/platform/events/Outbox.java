package app.banhao.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.reactive.common.AffectedEntities;

import app.banhao.platform.transaction.SqlStatement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Writes events into the outbox in the caller's transaction: what committed is delivered, what rolled back
 * was never announced. One statement writes the event and one delivery row per queued consumer that wants it;
 * the consumers that run in the writer's transaction ({@link EventConsumer#inWritersTransaction}) are handed it
 * there and then; where the writer delivers at commit, those it hands the event to after its commit
 * ({@link EventConsumer#afterWritersCommit}) get no row either. Order per aggregate is commit order as long as the
 * writer holds the aggregate's lock, as every writer of an application does.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Where the events written on the current (duplicated) context wait for {@link #takeWritten()}, while a unit of work
     * that delivers at commit runs there ({@link #collectWritten()}).
     */
    private static final String WRITTEN = Outbox.class.getName() + ".written";
    private static final AffectedEntities TABLES = new AffectedEntities(OutboxEvent.class, OutboxDelivery.class);
    private static final String INSERT = "INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, payload)"
            + " VALUES (?1, ?2, ?3, ?4, cast(cast(?5 AS text) AS jsonb))";
    /** The event and a delivery row per queued consumer; without any, {@link #INSERT} alone. */
    private static final String WRITE = "WITH e AS (" + INSERT + " RETURNING seq)"
            + " INSERT INTO outbox_delivery (event_id, consumer, event_seq, aggregate_key)"
            + " SELECT ?1, c, e.seq, ?6 FROM e, unnest(string_to_array(?7, ',')) c";

    // The payload goes in as text and is parsed by PostgreSQL: bound straight to a jsonb parameter, the client
    // would store the JSON document as one JSON string.
    private final EventConsumers consumers;
    private final ObjectMapper json;

    public Outbox(EventConsumers consumers, ObjectMapper json) {
        this.consumers = consumers;
        this.json = json;
    }

    /**
     * What publishing one event writes, for a writer that sends its statements itself on the reactive SQL client in its
     * own transaction: the event with its delivery rows, then the rows of each consumer that runs in the writer's
     * transaction. {@code written} is what the writer hands {@link OutboxRelay#deliverNow} after its commit (null when
     * nothing is owed after it).
     */
    public record Publication(List<SqlStatement> statements, PublishedEvent written) {
    }

    /** An event being written: its id, its text, who wants it, and what its writer delivers after the commit. */
    private record Prepared(UUID id, DomainEvent event, String payload, EventConsumers.Wanted wanted, PublishedEvent written) {

        SqlStatement write() {
            if (wanted.queued().isEmpty()) { // a plain insert can also go into another statement (SqlStatement#withWrites)
                return SqlStatement.of(INSERT, TABLES, id, event.aggregateType(), event.aggregateId(), event.type(), payload);
            }
            return SqlStatement.of(WRITE, TABLES, id, event.aggregateType(), event.aggregateId(), event.type(), payload,
                    event.aggregateType() + ":" + event.aggregateId(), String.join(",", wanted.queued()));
        }
    }

    /** Adds {@code event} to the current transaction (there must be one). */
    public Uni<Void> publish(DomainEvent event) {
        List<PublishedEvent> collecting = collecting();
        Prepared prepared;
        try {
            prepared = prepare(event, collecting != null);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        PublishedEvent written = prepared.written();
        return Panache.getSession().chain(s -> prepared.write().executeOn(s))
                .invoke(() -> {
                    if (written != null) {
                        collecting.add(written);
                    }
                })
                .chain(() -> handInTransaction(prepared.wanted().inTransaction(), prepared.id(), event, prepared.payload(), written));
    }

    /**
     * {@code event} as statements for a writer that sends them itself in its own transaction (see {@link Publication});
     * {@code writerDeliversAtCommit} as {@link OutboxCommits} decides it.
     */
    public Publication publication(DomainEvent event, boolean writerDeliversAtCommit) {
        Prepared prepared = prepare(event, writerDeliversAtCommit);
        List<SqlStatement> statements = new ArrayList<>(3);
        statements.add(prepared.write());
        List<EventConsumer> inTransaction = prepared.wanted().inTransaction();
        if (!inTransaction.isEmpty()) {
            PublishedEvent seen = prepared.written() != null ? prepared.written().asInItsWritersTransaction()
                    : PublishedEvent.inWritersTransaction(prepared.id(), event, prepared.payload(), json);
            for (EventConsumer consumer : inTransaction) {
                List<SqlStatement> writes = consumer.writes(seen);
                if (writes == null) {
                    throw new IllegalStateException("Consumer " + consumer.name() + " cannot be handed " + event.type()
                            + " by a writer that sends its own statements");
                }
                statements.addAll(writes);
            }
        }
        return new Publication(statements, prepared.written());
    }

    private Prepared prepare(DomainEvent event, boolean writerDeliversAtCommit) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.type() + " cannot be written", e);
        }
        UUID id = UUID.randomUUID();
        EventConsumers.Wanted wanted = consumers.wantedBy(event, writerDeliversAtCommit);
        // An event nobody is owed and nobody takes after the commit needs nothing done after it.
        PublishedEvent written = writerDeliversAtCommit && (!wanted.queued().isEmpty() || !wanted.afterCommit().isEmpty())
                ? PublishedEvent.written(id, event, payload, json, !wanted.queued().isEmpty(), wanted.afterCommit())
                : null;
        return new Prepared(id, event, payload, wanted, written);
    }

    private Uni<Void> handInTransaction(List<EventConsumer> inTransaction, UUID id, DomainEvent published, String payload,
            PublishedEvent written) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (inTransaction.isEmpty()) {
            return chain; // most postal and wallet events: no envelope to build
        }
        // Sharing the kept envelope's reading of the payload: parsing it was the largest share of a submission's CPU
        // that the profile put in this code (4.6% of the samples), once for the consumers here and again after the commit.
        PublishedEvent event = written != null ? written.asInItsWritersTransaction()
                : PublishedEvent.inWritersTransaction(id, published, payload, json);
        for (EventConsumer consumer : inTransaction) {
            chain = chain.chain(() -> Uni.createFrom().deferred(() -> consumer.handle(event)));
        }
        return chain;
    }

    /**
     * From now on, until {@link #takeWritten()}, the events written on this context are kept for the unit of work to
     * deliver right after its commit, and the consumers it hands them to itself get no delivery row; a unit of work run
     * again after a lost race starts afresh (what the lost run wrote never committed).
     */
    public void collectWritten() {
        Context context = Vertx.currentContext();
        if (context != null) { // without one, nothing is collected and every consumer's events are queued
            context.putLocal(WRITTEN, new ArrayList<PublishedEvent>());
        }
    }

    /**
     * The events written on this context since {@link #collectWritten()} that a queued consumer is owed or a consumer
     * takes after the commit, for the unit of work to deliver ({@link OutboxRelay#deliverNow}); collecting stops.
     */
    public List<PublishedEvent> takeWritten() {
        Context context = Vertx.currentContext();
        List<PublishedEvent> events = context == null ? null : context.getLocal(WRITTEN);
        if (events == null) {
            return List.of();
        }
        context.removeLocal(WRITTEN);
        return events;
    }

    /** Where this context keeps what it writes, or null when no unit of work delivers at commit here. */
    private static List<PublishedEvent> collecting() {
        Context context = Vertx.currentContext();
        return context == null ? null : context.getLocal(WRITTEN);
    }
}
