package app.banhao.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.reactive.common.AffectedEntities;

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
    private static final String WRITE = "WITH e AS (INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, payload)"
            + " VALUES (:id, :aggregateType, :aggregateId, :type, cast(cast(:payload AS text) AS jsonb)) RETURNING seq)"
            + " INSERT INTO outbox_delivery (event_id, consumer, event_seq, aggregate_key)"
            + " SELECT :id, c, e.seq, :aggregateKey FROM e, unnest(string_to_array(:consumers, ',')) c";

    // The payload goes in as text and is parsed by PostgreSQL: bound straight to a jsonb parameter, the client
    // would store the JSON document as one JSON string.
    private final EventConsumers consumers;
    private final ObjectMapper json;

    public Outbox(EventConsumers consumers, ObjectMapper json) {
        this.consumers = consumers;
        this.json = json;
    }

    /** Adds {@code event} to the current transaction (there must be one). */
    public Uni<Void> publish(DomainEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event " + event.type() + " cannot be written", e));
        }
        UUID id = UUID.randomUUID();
        List<PublishedEvent> collecting = collecting();
        EventConsumers.Wanted wanted = consumers.wantedBy(event, collecting != null);
        // An event nobody is owed and nobody takes after the commit needs nothing done after it.
        PublishedEvent written = collecting != null && (!wanted.queued().isEmpty() || !wanted.afterCommit().isEmpty())
                ? PublishedEvent.written(id, event, payload, json, !wanted.queued().isEmpty(), wanted.afterCommit())
                : null;
        return Panache.getSession().chain(s -> s.createNativeQuery(WRITE, TABLES)
                .setParameter("id", id)
                .setParameter("aggregateType", event.aggregateType())
                .setParameter("aggregateId", event.aggregateId())
                .setParameter("type", event.type())
                .setParameter("payload", payload)
                .setParameter("aggregateKey", event.aggregateType() + ":" + event.aggregateId())
                .setParameter("consumers", String.join(",", wanted.queued()))
                .executeUpdate())
                .invoke(() -> {
                    if (written != null) {
                        collecting.add(written);
                    }
                })
                .chain(() -> handInTransaction(wanted.inTransaction(), id, event, payload, written));
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
