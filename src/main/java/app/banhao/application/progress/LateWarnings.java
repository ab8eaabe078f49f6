package app.banhao.application.progress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.CaseEvent;
import app.banhao.application.core.CompletionOutlook.Prediction;
import app.banhao.application.core.Workflow;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * "Your case will likely be late" (issue 11): a running case (SUBMITTED or ACCEPTED; a stopped clock is not running
 * towards its due date) whose prediction is past its promise, or with one working day or less left before its
 * promise (when the promise was longer than that), gets one timeline entry and one case event (LATE_WARNING), which the inbox turns into the resident's
 * message. Once per case: {@code late_warning_sent_at} is set in the same transaction as the event, on the row locked
 * {@code FOR NO KEY UPDATE SKIP LOCKED} and checked again under the lock, so restarts and several nodes send it once.
 *
 * <p>Only the cases that can qualify are read: those due within a working day, and those of the items whose recent
 * P80 is beyond their promise ({@link CompletionStats#itemsSlowerThanPromised}: all their running cases look late).
 * Each is then checked with its own prediction; walking by (due date, id) lets a candidate that does not qualify be
 * passed over rather than read again.
 */
@ApplicationScoped
public class LateWarnings {

    static final int BATCH = 100;
    static final String TOPIC = "LATE_WARNING";
    /** The warning's wording: this feature's bundle, {@code i18n/application}. */
    private static final String TEXTS = Messages.bundleOf(LateWarnings.class);
    private static final List<ApplicationStatus> RUNNING = List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED);
    private static final String CANDIDATES = "from Application a where a.state in :running and a.lateWarningSentAt is null"
            + " and a.itemCode is not null and a.dueDate is not null and (a.dueDate > :afterDue or (a.dueDate = :afterDue and a.id > :afterId))";
    private static final String DUE_SOON = CANDIDATES + " and a.dueDate <= :soon order by a.dueDate, a.id";
    private static final String DUE_SOON_OR_SLOW = CANDIDATES + " and (a.dueDate <= :soon or a.itemCode in :slow) order by a.dueDate, a.id";
    private static final LocalDate FIRST_DUE = LocalDate.of(1970, 1, 1);
    private static final UUID FIRST_ID = new UUID(0, 0);

    private final Workflow workflow;
    private final CompletionForecast forecast;
    private final CompletionStats stats;
    private final BusinessClock clock;

    public LateWarnings(Workflow workflow, CompletionForecast forecast, CompletionStats stats, BusinessClock clock) {
        this.clock = clock;
        this.workflow = workflow;
        this.forecast = forecast;
        this.stats = stats;
    }

    @Scheduled(every = "${banhao.applications.late-warning.every:5m}", delayed = "${banhao.applications.late-warning.delay:40s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return warnAll().invoke(n -> {
            if (n > 0) {
                Log.infof("Late warnings: %d residents told their case will likely be late", n);
            }
        }).replaceWithVoid().onFailure().recoverWithUni(e -> {
            Log.warnf("Late warning job failed, the next run retries: %s", e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** Warns every case that qualifies, batch by batch; how many were warned. */
    public Uni<Integer> warnAll() {
        LocalDate soon = workflow.addWorkingDays(clock.today(), 1);
        return warnFrom(FIRST_DUE, FIRST_ID, soon, stats.itemsSlowerThanPromised());
    }

    private Uni<Integer> warnFrom(LocalDate afterDue, UUID afterId, LocalDate soon, List<String> slow) {
        return workflow.commitThenPublish(() -> Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(slow.isEmpty() ? DUE_SOON : DUE_SOON_OR_SLOW, Application.class)
                    .setParameter("running", RUNNING).setParameter("afterDue", afterDue).setParameter("afterId", afterId)
                    .setParameter("soon", soon);
            if (!slow.isEmpty()) {
                query.setParameter("slow", slow);
            }
            return query.setMaxResults(BATCH).setLockMode("a", LockMode.UPGRADE_SKIPLOCKED).getResultList();
        }).chain(batch -> Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(this::warn)
                .filter(Boolean::booleanValue).collect().asList()
                .map(warned -> new Batch(batch.isEmpty() ? null : batch.get(batch.size() - 1), batch.size(), warned.size()))))
                .chain(b -> b.read() < BATCH ? Uni.createFrom().item(b.warned())
                        : warnFrom(b.last().dueDate, b.last().id, soon, slow).map(more -> b.warned() + more));
    }

    private record Batch(Application last, int read, int warned) {
    }

    /** Under the row lock: still running, not yet warned, and late or nearly due? Then the one warning; whether sent. */
    private Uni<Boolean> warn(Application a) {
        if (!RUNNING.contains(a.state) || a.lateWarningSentAt != null || a.dueDate == null) {
            return Uni.createFrom().item(false);
        }
        Prediction p = forecast.of(a);
        String note;
        if (p.pastPromise()) {
            note = Messages.textIn(Messages.Language.ZH, TEXTS, "late.warning.PREDICTED_LATE", p.predicted().toString(),
                    p.promised().toString(), String.valueOf(p.caseCount()));
        } else if (workflow.workingDaysUntil(p.promised()) <= 1 && workflow.workingDaysTaken(a, p.promised()) > 1) {
            // Within a working day of the promise; not for a promise of a day or less (即办), where that is no news.
            note = Messages.textIn(Messages.Language.ZH, TEXTS, "late.warning.DUE_SOON", p.promised().toString());
        } else {
            return Uni.createFrom().item(false);
        }
        OffsetDateTime now = clock.now();
        a.lateWarningSentAt = now;
        Workflow.touch(a, now);
        return workflow.remark(a, Workflow.SYSTEM, CaseEvent.LATE_WARNING, TOPIC, note, now).replaceWith(true);
    }
}
