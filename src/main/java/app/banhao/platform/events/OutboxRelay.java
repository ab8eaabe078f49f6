package app.banhao.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.LockMode;

import app.banhao.platform.time.BusinessClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Hands each outbox event to its consumers, at least once and in order per aggregate, safe on any number of
 * nodes: a delivery is taken {@code FOR UPDATE SKIP LOCKED} and checked again under the lock, so two relays
 * never run one delivery at once, and it is due only when no earlier delivery of the same aggregate is still
 * owed to that consumer. Each delivery runs in its own transaction with the consumer's work; a failure is
 * retried with exponential backoff, then dead-lettered (state DEAD, {@code banhao_outbox_dead_letters}, the
 * admin list) without holding up other consumers or other aggregates.
 * <p>
 * The node that commits an event nudges its relay at once (live progress within milliseconds); every node
 * also polls, which picks up what a crashed or busy node left.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String DUE = "from OutboxDelivery d where d.state = :pending and d.nextAttemptAt <= :now"
            + " and not exists (from OutboxDelivery p where p.id.consumer = d.id.consumer and p.aggregateKey = d.aggregateKey"
            + " and p.state = :pending and p.eventSeq < d.eventSeq) order by d.eventSeq";
    // The request's own events are delivered in order in one go, so only an earlier event from elsewhere holds one back.
    private static final String DUE_NOW = "from OutboxDelivery d where d.id.eventId in :ids and d.state = :pending"
            + " and not exists (from OutboxDelivery p where p.id.consumer = d.id.consumer and p.aggregateKey = d.aggregateKey"
            + " and p.state = :pending and p.eventSeq < d.eventSeq and p.id.eventId not in :ids) order by d.eventSeq";
    private static final String CLAIM = "from OutboxDelivery d where d.id = :id and d.state = :pending";
    private static final int ERROR_TEXT = 500;

    private final EventConsumers consumers;
    private final OutboxSettings settings;
    private final ObjectMapper json;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong deadLetters = new AtomicLong();
    private final Counter delivered;
    private final Counter failed;
    private final Counter deadLettered;
    private final BusinessClock clock;

    public OutboxRelay(EventConsumers consumers, OutboxSettings settings, ObjectMapper json, MeterRegistry metrics, BusinessClock clock) {
        this.clock = clock;
        this.consumers = consumers;
        this.settings = settings;
        this.json = json;
        this.delivered = Counter.builder("banhao.outbox.delivered").description("Event deliveries a consumer processed")
                .register(metrics);
        this.failed = Counter.builder("banhao.outbox.failed").description("Event deliveries that failed and will be retried")
                .register(metrics);
        this.deadLettered = Counter.builder("banhao.outbox.dead.lettered")
                .description("Event deliveries given up after the last attempt").register(metrics);
        Gauge.builder("banhao.outbox.dead.letters", deadLetters, AtomicLong::get)
                .description("Dead-lettered event deliveries waiting for an operator").register(metrics);
    }

    /** Asks for a drain soon, e.g. right after a commit that wrote events; never blocks, never fails. */
    public void nudge() {
        if (!settings.relayEnabled()) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        VertxContextSupport.subscribe(() -> drain().toMulti(), s -> s.with(n -> {
        }, e -> {
            Log.warnf("Outbox relay round failed, the next poll retries: %s", e.toString());
            finishedDraining();
        }, this::finishedDraining));
    }

    @Scheduled(every = "${banhao.outbox.poll-every:1s}", delayed = "${banhao.outbox.poll-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!settings.relayEnabled() || !draining.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return drain().chain(this::countDeadLetters)
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("Outbox relay poll failed, the next one retries: %s", e.toString());
                    return Uni.createFrom().voidItem();
                })
                .eventually(this::finishedDraining);
    }

    private void finishedDraining() {
        draining.set(false);
        if (again.getAndSet(false)) {
            nudge();
        }
    }

    /**
     * Delivers the events a request just committed, before it answers, so the resident reads their own change
     * at once (the inbox message of the transition they made): one transaction for all of them, claimed like any
     * other delivery and only where order allows. Anything that fails or is held elsewhere is left to the relay.
     */
    public Uni<Void> deliverNow(List<java.util.UUID> eventIds) {
        if (eventIds.isEmpty() || !settings.relayEnabled()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createSelectionQuery(DUE_NOW, OutboxDelivery.class)
                .setParameter("ids", eventIds).setParameter("pending", OutboxDelivery.State.PENDING)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList()
                .chain(due -> handleAll(s, due, 0).replaceWith(due.size()))))
                .invoke(done -> delivered.increment(done))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    Log.debugf("Delivering at commit failed, the relay takes over: %s", e.toString());
                    nudge();
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> handleAll(org.hibernate.reactive.mutiny.Mutiny.Session s, List<OutboxDelivery> due, int index) {
        if (index == due.size()) {
            return Uni.createFrom().voidItem();
        }
        OutboxDelivery d = due.get(index);
        return s.find(OutboxEvent.class, d.id.eventId)
                .chain(event -> handle(d.id.consumer, event))
                .invoke(() -> markDone(d))
                .chain(() -> handleAll(s, due, index + 1));
    }

    /** Delivers everything due, round after round; how many deliveries a consumer processed. */
    public Uni<Integer> drain() {
        return round().chain(r -> r.claimed() < settings.batchSize()
                ? Uni.createFrom().item(r.delivered())
                : drain().map(more -> r.delivered() + more));
    }

    private record Round(int claimed, int delivered) {
    }

    private Uni<Round> round() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createSelectionQuery(DUE, OutboxDelivery.class)
                .setParameter("pending", OutboxDelivery.State.PENDING).setParameter("now", clock.now())
                .setMaxResults(settings.batchSize()).getResultList()))
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
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createSelectionQuery(CLAIM, OutboxDelivery.class)
                .setParameter("id", key).setParameter("pending", OutboxDelivery.State.PENDING)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED).getSingleResultOrNull()
                .chain(d -> d == null ? Uni.createFrom().item(false) : s.find(OutboxEvent.class, key.eventId)
                        .chain(event -> handle(key.consumer, event))
                        .invoke(() -> markDone(d))
                        .replaceWith(true))))
                .invoke(processed -> {
                    if (processed) {
                        delivered.increment(); // counted once committed: the metric is what consumers really processed
                    }
                })
                .onFailure().recoverWithUni(e -> recordFailure(key, e).replaceWith(false));
    }

    private void markDone(OutboxDelivery d) {
        d.state = OutboxDelivery.State.DONE;
        d.attempts++;
        d.updatedAt = clock.now();
    }

    private Uni<Void> handle(String consumerName, OutboxEvent event) {
        EventConsumer consumer = consumers.named(consumerName);
        if (consumer == null) {
            return Uni.createFrom().failure(new IllegalStateException("No consumer is named " + consumerName + " any more"));
        }
        return Uni.createFrom().deferred(() -> consumer.handle(new PublishedEvent(event, json)));
    }

    private Uni<Void> recordFailure(OutboxDelivery.Key key, Throwable error) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createSelectionQuery(CLAIM, OutboxDelivery.class)
                .setParameter("id", key).setParameter("pending", OutboxDelivery.State.PENDING)
                .setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResultOrNull()
                .invoke(d -> {
                    if (d == null) {
                        return;
                    }
                    d.attempts++;
                    d.lastError = describe(error);
                    d.updatedAt = clock.now();
                    if (d.attempts >= settings.maxAttempts()) {
                        d.state = OutboxDelivery.State.DEAD;
                        deadLettered.increment();
                        Log.errorf(error, "Event %s dead-lettered for consumer %s after %d attempts", key.eventId, key.consumer,
                                d.attempts);
                    } else {
                        d.nextAttemptAt = d.updatedAt.plus(backoff(d.attempts));
                        failed.increment();
                        Log.warnf("Event %s failed in consumer %s (attempt %d), retried after backoff: %s", key.eventId,
                                key.consumer, d.attempts, error.toString());
                    }
                })))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    // The delivery stays PENDING and due: the next round tries it again.
                    Log.warnf("Could not record the failure of event %s in consumer %s: %s", key.eventId, key.consumer, e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** The wait before attempt {@code attempts + 1}: doubling from the base, capped, with ±20% jitter. */
    Duration backoff(int attempts) {
        long base = settings.retryBase().toMillis();
        long capped = Math.min(settings.retryMax().toMillis(), base << Math.min(attempts - 1, 20));
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
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

    /** What the operator's list shows: the failure's message, never a class name or trace (those go to the log). */
    private static String describe(Throwable error) {
        String text = error.getMessage() == null || error.getMessage().isBlank() ? "no message" : error.getMessage();
        return text.length() <= ERROR_TEXT ? text : text.substring(0, ERROR_TEXT);
    }
}
