package app.banhao.video.appointment;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.Transactions;
import app.banhao.video.availability.SlotCache;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The appointments' clock: holds not confirmed in time EXPIRE (their place frees), BOOKED or WAITING appointments
 * not started {@code banhao.video.no-show-grace} after their slot end are MISSED (a no-show, counted by the booking
 * pause rule), and reminders go out ({@link AppointmentReminders}). Safe on any number of nodes: a batch locks its
 * rows {@code SKIP LOCKED} in one transaction and moves them through {@link AppointmentStates}.
 */
@ApplicationScoped
public class AppointmentSweeps {

    static final int BATCH = 100;

    private final AppointmentReminders reminders;
    private final AuditTrail audit;
    private final CacheAside cache;
    private final AppointmentSettings settings;
    private final BusinessClock clock;

    public AppointmentSweeps(AppointmentReminders reminders, AuditTrail audit, CacheAside cache,
            AppointmentSettings settings, BusinessClock clock) {
        this.reminders = reminders;
        this.audit = audit;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "${banhao.video.sweep-every:30s}", delayed = "${banhao.video.sweep-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return expireHolds().chain(this::markNoShows).chain(reminders::sendDue).replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("Appointment sweep failed, the next run retries: %s", e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Every hold past its expiry → EXPIRED; how many. */
    public Uni<Integer> expireHolds() {
        return sweep("from Appointment a where a.state = :held and a.holdExpiresAt <= :now order by a.holdExpiresAt, a.id",
                Map.of("held", AppointmentState.HELD), (a, now) -> AppointmentState.EXPIRED);
    }

    /** Every BOOKED or WAITING appointment past its slot end plus grace → MISSED; how many. */
    public Uni<Integer> markNoShows() {
        return sweep("from Appointment a where a.state in :due and a.slotEnd <= :now order by a.slotEnd, a.id",
                Map.of("due", List.of(AppointmentState.BOOKED, AppointmentState.WAITING)), (a, now) -> AppointmentState.MISSED,
                settings.noShowGrace());
    }

    private Uni<Integer> sweep(String hql, Map<String, Object> params, BiFunction<Appointment, OffsetDateTime, AppointmentState> to) {
        return sweep(hql, params, to, java.time.Duration.ZERO);
    }

    private Uni<Integer> sweep(String hql, Map<String, Object> params, BiFunction<Appointment, OffsetDateTime, AppointmentState> to,
            java.time.Duration lag) {
        Set<String> departments = new HashSet<>();
        return batch(hql, params, to, lag, departments)
                .chain(n -> n < BATCH ? Uni.createFrom().item(n) : sweep(hql, params, to, lag).map(more -> n + more))
                .call(n -> Multi.createFrom().iterable(departments)
                        .onItem().transformToUniAndConcatenate(d -> cache.invalidate(SlotCache.namespace(d)))
                        .collect().last());
    }

    private Uni<Integer> batch(String hql, Map<String, Object> params, BiFunction<Appointment, OffsetDateTime, AppointmentState> to,
            java.time.Duration lag, Set<String> departments) {
        OffsetDateTime now = clock.now();
        return Transactions.retryingConflicts(() -> Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(hql, Appointment.class).setParameter("now", now.minus(lag));
            params.forEach(query::setParameter);
            return query.setMaxResults(BATCH).setLockMode("a", LockMode.UPGRADE_SKIPLOCKED).getResultList();
        }).chain(locked -> Multi.createFrom().iterable(locked).onItem().transformToUniAndConcatenate(a -> {
            AppointmentState target = to.apply(a, now);
            AppointmentState before = a.state;
            AppointmentStates.move(a, target, now);
            departments.add(a.departmentCode);
            return audit.record(AuditEvent.of("video.appointment." + target.name().toLowerCase()).actor("system", null)
                    .target("video-appointment", a.id.toString()).details(Map.of("from", before.name())));
        }).collect().asList().map(List::size)));
    }
}
