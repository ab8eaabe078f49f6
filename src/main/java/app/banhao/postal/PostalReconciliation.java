package app.banhao.postal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The postal sweep. Requests still waiting after {@code requested-after} (the relay dead-lettered them while the
 * carrier was down) are ordered again, idempotently ({@link ParcelDispatch}); parcels on their way without news for
 * {@code quiet-after} get a tracking query whose records move them the one way reports do ({@link ParcelProgress}), so a
 * lost push never leaves a parcel stuck. Each parcel in a transaction of its own, its row locked and skipped by other
 * nodes; a carrier still failing leaves the parcel for the next sweep.
 */
@ApplicationScoped
public class PostalReconciliation {

    /** Where a parcel may wait on news from the carrier. */
    static final Set<DeliveryState> UNDER_WAY = EnumSet.of(DeliveryState.ORDERED, DeliveryState.PICKED_UP,
            DeliveryState.IN_TRANSIT, DeliveryState.OUT_FOR_DELIVERY, DeliveryState.EXCEPTION);

    /** What one sweep did. */
    public record Sweep(int ordered, int queried) {
    }

    private final PostalDeliveryRepository deliveries;
    private final ParcelDispatch dispatch;
    private final ParcelProgress progress;
    private final Carrier carrier;
    private final BusinessClock clock;
    private final ReconcileConfig config;

    public PostalReconciliation(PostalDeliveryRepository deliveries, ParcelDispatch dispatch, ParcelProgress progress,
            Carrier carrier, BusinessClock clock, ReconcileConfig config) {
        this.deliveries = deliveries;
        this.dispatch = dispatch;
        this.progress = progress;
        this.carrier = carrier;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${banhao.postal.reconcile.every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(config.requestedAfter(), config.quietAfter()).invoke(s -> {
            if (s.ordered() + s.queried() > 0) {
                Log.infof("Postal sweep: %d waiting requests sent again, %d quiet parcels queried", s.ordered(), s.queried());
            }
        }).replaceWithVoid();
    }

    /** One sweep with these windows (tests pass zero). */
    public Uni<Sweep> run(Duration requestedAfter, Duration quietAfter) {
        OffsetDateTime now = clock.now();
        return ids("d.state = :state and d.updatedAt <= :before", Set.of(DeliveryState.REQUESTED), now.minus(requestedAfter))
                .chain(waiting -> each(waiting, this::reorder))
                .chain(ordered -> ids("d.state in :state and coalesce(d.checkedAt, d.updatedAt) <= :before", UNDER_WAY,
                        now.minus(quietAfter))
                        .chain(quiet -> each(quiet, this::query))
                        .map(queried -> new Sweep(ordered, queried)));
    }

    private Uni<List<UUID>> ids(String where, Set<DeliveryState> states, OffsetDateTime before) {
        Object state = states.size() == 1 ? states.iterator().next() : states;
        return Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createSelectionQuery("select d.id from PostalDelivery d where " + where + " order by d.updatedAt", UUID.class)
                .setParameter("state", state).setParameter("before", before).setMaxResults(config.batch()).getResultList()));
    }

    /** Runs {@code step} on each id in turn; how many succeeded (a failure is logged and left for the next sweep). */
    private Uni<Integer> each(List<UUID> ids, java.util.function.Function<UUID, Uni<Boolean>> step) {
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> step.apply(id).onFailure().recoverWithItem(e -> {
                    Log.warnf("Postal sweep: delivery %s left for the next sweep: %s", id, e.toString());
                    return false;
                }))
                .collect().with(java.util.stream.Collectors.summingInt(done -> done ? 1 : 0));
    }

    private Uni<Boolean> reorder(UUID id) {
        return Panache.withTransaction(() -> deliveries.findForUpdateSkipLocked(id)
                .chain(d -> d == null || d.state != DeliveryState.REQUESTED ? Uni.createFrom().item(false)
                        : dispatch.dispatch(d).replaceWith(true)));
    }

    /** Asks the carrier outside any transaction, then applies what it said and notes the check in one. */
    private Uni<Boolean> query(UUID id) {
        return Panache.withSession(() -> deliveries.findById(id)).chain(d -> carrier.track(d.waybillNo))
                .chain(traces -> Panache.withTransaction(() -> Multi.createFrom().iterable(traces)
                        .onItem().transformToUniAndConcatenate(progress::apply).collect().asList()
                        .chain(() -> deliveries.findForUpdate(id)).invoke(d -> d.checkedAt = clock.now())))
                .replaceWith(true);
    }
}
