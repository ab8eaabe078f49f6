package app.banhao.platform.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import app.banhao.platform.time.BusinessClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Hands each outbox event to its consumers, at least once and in order per aggregate, safe on any number of
 * nodes: a delivery is taken {@code FOR UPDATE SKIP LOCKED} and checked again under the lock, so two relays
 * never run one delivery at once, and it is due only when no earlier delivery of the same aggregate is still
 * owed to that consumer ({@link DueDeliveries}). Each delivery runs in its own transaction with the consumer's
 * work; a failure is retried with exponential backoff, then dead-lettered (state DEAD,
 * {@code banhao_outbox_dead_letters}, the admin list) without holding up other consumers or other aggregates
 * ({@link DeliveryFailures}).
 * <p>
 * The request that commits an event delivers it right after its commit ({@link #deliverNow}: live progress within
 * milliseconds); every node also polls, which picks up what that left (a failure, a delivery another event held back)
 * and what a crashed node left.
 */
@ApplicationScoped
public class OutboxRelay {

    private final EventConsumers consumers;
    private final OutboxSettings settings;
    private final ObjectMapper json;
    private final AtomicLong deadLetters = new AtomicLong();
    private final Counter delivered;
    private final Counter handedOver;
    private final DeliveryFailures failures;
    private final BusinessClock clock;

    public OutboxRelay(EventConsumers consumers, OutboxSettings settings, ObjectMapper json, MeterRegistry metrics, BusinessClock clock) {
        this.clock = clock;
        this.consumers = consumers;
        this.settings = settings;
        this.json = json;
        this.delivered = Counter.builder("banhao.outbox.delivered").description("Event deliveries a consumer processed")
                .register(metrics);
        // Apart from the deliveries: those are rows of outbox_delivery, these have none.
        this.handedOver = Counter.builder("banhao.outbox.handed.over")
                .description("Events a writer handed to a best-effort consumer right after its commit").register(metrics);
        this.failures = new DeliveryFailures(settings, clock, metrics);
        Gauge.builder("banhao.outbox.dead.letters", deadLetters, AtomicLong::get)
                .description("Dead-lettered event deliveries waiting for an operator").register(metrics);
    }

    @Scheduled(every = "${banhao.outbox.poll-every:1s}", delayed = "${banhao.outbox.poll-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!settings.relayEnabled()) {
            return Uni.createFrom().voidItem();
        }
        return drain().chain(this::countDeadLetters)
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("Outbox relay poll failed, the next one retries: %s", e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Whether this node relays ({@code banhao.outbox.relay-enabled}). */
    public boolean enabled() {
        return settings.relayEnabled();
    }

    /**
     * Delivers the events a request just committed to their queued consumers, before it answers, so what it set off
     * has happened when the resident is answered: one transaction for all of them, claimed like any other delivery and
     * only where order allows, the events as their writer kept them (not read back). Anything that fails or is held
     * elsewhere is left to the relay. Then it hands them to the consumers that take them right after the commit
     * ({@link EventConsumer#afterWritersCommit}: the live push, the hot ranking), in event order.
     */
    public Uni<Void> deliverNow(List<PublishedEvent> written) {
        if (written.isEmpty() || !settings.relayEnabled()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, PublishedEvent> envelopes = new LinkedHashMap<>(); // their after-commit pushes go out in event order
        for (PublishedEvent event : written) {
            if (event.queued()) {
                envelopes.put(event.id(), event);
            }
        }
        Uni<Void> queued = envelopes.isEmpty() ? Uni.createFrom().voidItem() : deliverQueued(envelopes);
        return queued.call(() -> handOverAfterCommit(written));
    }

    private Uni<Void> deliverQueued(Map<UUID, PublishedEvent> envelopes) {
        List<UUID> ids = List.copyOf(envelopes.keySet());
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> deliverOwn(s, ids, 0, envelopes)))
                .invoke(done -> delivered.increment(done))
                .call(() -> afterCommit(envelopes.values()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    // What it claimed rolled back with it: owed again, for the next poll of any node.
                    Log.debugf("Delivering at commit failed, the relay's next poll takes over: %s", e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Best effort, as such a consumer asks: a failure is logged and the next one is handed its event all the same. */
    private Uni<Void> handOverAfterCommit(List<PublishedEvent> written) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PublishedEvent event : written) {
            for (EventConsumer consumer : event.afterWritersCommit()) {
                chain = chain.chain(() -> Uni.createFrom().deferred(() -> consumer.handle(event))
                        .invoke(() -> handedOver.increment())
                        .onFailure().recoverWithUni(e -> {
                            Log.warnf("Consumer %s failed on event %s (%s) after its writer's commit; it is not retried: %s",
                                    consumer.name(), event.id(), event.type(), e.toString());
                            return Uni.createFrom().voidItem();
                        }));
            }
            if (!event.afterWritersCommit().isEmpty()) {
                chain = chain.chain(event::runAfterCommit);
            }
        }
        return chain;
    }

    private static Uni<Void> afterCommit(Iterable<PublishedEvent> envelopes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PublishedEvent envelope : envelopes) {
            chain = chain.chain(envelope::runAfterCommit);
        }
        return chain;
    }

    /**
     * The request's events from {@code from} on, claimed a turn of {@link DueDeliveries#OWN_EVENTS_PER_CLAIM} at a time in
     * event order; what a turn delivered is flushed as done before the next looks, so an event held back only by an
     * earlier one of the same request is due in the next turn. How many deliveries were processed.
     */
    private Uni<Integer> deliverOwn(Mutiny.Session s, List<UUID> ids, int from, Map<UUID, PublishedEvent> envelopes) {
        if (from == ids.size()) {
            return Uni.createFrom().item(0);
        }
        List<UUID> turn = ids.subList(from, Math.min(ids.size(), from + DueDeliveries.OWN_EVENTS_PER_CLAIM));
        Uni<Void> earlierTurnsWritten = from == 0 ? Uni.createFrom().voidItem() : s.flush();
        return earlierTurnsWritten.chain(() -> DueDeliveries.claimOwnEvents(s, turn))
                .call(due -> handleAll(due, envelopes, 0))
                .chain(due -> deliverOwn(s, ids, from + turn.size(), envelopes).map(more -> due.size() + more));
    }

    private Uni<Void> handleAll(List<OutboxDelivery> due, Map<UUID, PublishedEvent> events, int index) {
        if (index == due.size()) {
            return Uni.createFrom().voidItem();
        }
        OutboxDelivery d = due.get(index);
        return handle(d.id.consumer, events.get(d.id.eventId))
                .invoke(() -> markDone(d))
                .chain(() -> handleAll(due, events, index + 1));
    }

    /** Delivers everything due when it is called, round after round; how many deliveries a consumer processed. */
    public Uni<Integer> drain() {
        return drain(clock.now());
    }

    /**
     * A round that delivered something is followed by another even when it was not full: the next event of the same
     * aggregate for that consumer was held back by the one just delivered and is due now (a parcel picked up, then
     * delivered; a backlog after a restart), and would otherwise wait a poll interval per event. Every round looks only
     * at what was due at {@code asOf}, the drain's start: what commits meanwhile is its writer's to deliver at commit,
     * so under load a poll does not keep running beside the at-commit delivery, and a delivery that fails in this drain
     * (due again only after its backoff) cannot keep it going.
     */
    private Uni<Integer> drain(OffsetDateTime asOf) {
        return round(asOf).chain(r -> r.claimed() < settings.batchSize() && r.delivered() == 0
                ? Uni.createFrom().item(r.delivered())
                : drain(asOf).map(more -> r.delivered() + more));
    }

    private record Round(int claimed, int delivered) {
    }

    private Uni<Round> round(OffsetDateTime asOf) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(s -> DueDeliveries.batch(s, asOf, settings.batchSize())))
                .chain(due -> deliverAll(due, 0, 0));
    }

    private Uni<Round> deliverAll(List<OutboxDelivery> due, int index, int delivered) {
        if (index == due.size()) {
            return Uni.createFrom().item(new Round(due.size(), delivered));
        }
        return deliver(due.get(index).id).chain(ok -> deliverAll(due, index + 1, ok ? delivered + 1 : delivered));
    }

    /** Runs one delivery if it is still owed and no other relay holds it; whether the consumer processed it. */
    private Uni<Boolean> deliver(OutboxDelivery.Key key) {
        List<PublishedEvent> envelope = new ArrayList<>(1);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> DueDeliveries.claim(s, key, LockMode.UPGRADE_SKIPLOCKED)
                .chain(d -> d == null ? Uni.createFrom().item(false) : s.find(OutboxEvent.class, key.eventId)
                        .chain(event -> {
                            envelope.add(new PublishedEvent(event, json));
                            return handle(key.consumer, envelope.get(0));
                        })
                        .invoke(() -> markDone(d))
                        .replaceWith(true))))
                .invoke(processed -> {
                    if (processed) {
                        delivered.increment(); // counted once committed: the metric is what consumers really processed
                    }
                })
                .call(processed -> processed ? afterCommit(envelope) : Uni.createFrom().voidItem())
                .onFailure().recoverWithUni(e -> failures.record(key, e).replaceWith(false));
    }

    private void markDone(OutboxDelivery d) {
        d.state = OutboxDelivery.State.DONE;
        d.attempts++;
        d.updatedAt = clock.now();
    }

    private Uni<Void> handle(String consumerName, PublishedEvent event) {
        EventConsumer consumer = consumers.named(consumerName);
        if (consumer == null) {
            return Uni.createFrom().failure(new IllegalStateException("No consumer is named " + consumerName + " any more"));
        }
        return Uni.createFrom().deferred(() -> consumer.handle(event));
    }

    /** The wait before attempt {@code attempts + 1} (see {@link DeliveryFailures#backoff}). */
    Duration backoff(int attempts) {
        return failures.backoff(attempts);
    }

    private Uni<Void> countDeadLetters() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createSelectionQuery("select count(*) from OutboxDelivery where state = :dead", Long.class)
                .setParameter("dead", OutboxDelivery.State.DEAD).getSingleResult()))
                .invoke(deadLetters::set).replaceWithVoid();
    }

    @Scheduled(every = "${banhao.outbox.purge-every:1h}", delayed = "${banhao.outbox.purge-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purgeProcessed().onFailure().recoverWithUni(e -> {
            Log.warnf("Outbox purge failed, the next run retries: %s", e.toString());
            return Uni.createFrom().item(0);
        }).replaceWithVoid();
    }

    /** Removes events every consumer has processed once they are older than the retention; how many. */
    public Uni<Integer> purgeProcessed() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createMutationQuery(
                "delete from OutboxEvent e where e.createdAt < :before and not exists"
                        + " (from OutboxDelivery d where d.id.eventId = e.id and d.state <> :done)")
                .setParameter("before", clock.now().minus(settings.retention()))
                .setParameter("done", OutboxDelivery.State.DONE).executeUpdate()));
    }
}
