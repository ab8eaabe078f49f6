package app.banhao.application.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationMaterial;
import app.banhao.application.core.ApplicationRepository;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.CaseEvent;
import app.banhao.application.core.Transition;
import app.banhao.application.core.Workflow;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The deadlines nobody acts on by hand (DESIGN.md §5):
 * <ul>
 * <li>补正超时: a case in SUPPLEMENT_REQUIRED past its supplement deadline is closed (CLOSED_TIMEOUT) through
 * {@link Workflow}, with its timeline event and case event (the inbox message and live event follow from it);</li>
 * <li>容缺: a tolerated missing material not supplied by its {@code supply_by} day is flagged once (the
 * reviewer sees {@code materialsOverdue} / {@code overdue}), with a timeline entry and a message.</li>
 * </ul>
 * Safe on any number of nodes: each batch locks its applications {@code FOR NO KEY UPDATE SKIP LOCKED} in one transaction,
 * so two nodes never take the same row, and the state is checked again under the lock (a supplement
 * answered a moment before wins). A deadline is the last day allowed: it has passed from the next day on.
 */
@ApplicationScoped
public class DeadlineJob {

    static final int BATCH = 100;
    /**
     * The row lock of both batches: {@code FOR NO KEY UPDATE SKIP LOCKED} on PostgreSQL. Written in HQL, not as
     * native SQL: Hibernate 7.2 adds a query plan per call of a native select, so the plan cache grew every run.
     */
    private static final LockMode SKIP_LOCKED = LockMode.UPGRADE_SKIPLOCKED;
    private static final List<ApplicationStatus> OPEN_STATES = List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED,
            ApplicationStatus.SUPPLEMENT_REQUIRED, ApplicationStatus.SUSPENDED);

    private final ApplicationRepository applications;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public DeadlineJob(ApplicationRepository applications, Workflow workflow, AuditTrail audit, BusinessClock clock) {
        this.clock = clock;
        this.applications = applications;
        this.workflow = workflow;
        this.audit = audit;
    }

    @Scheduled(every = "${banhao.applications.deadline-job.every:60s}", delayed = "${banhao.applications.deadline-job.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return closeExpiredSupplements().chain(closed -> flagOverdueMaterials().invoke(flagged -> {
            if (closed > 0 || flagged > 0) {
                Log.infof("Deadline job: %d cases closed for supplement timeout, %d tolerated materials flagged overdue",
                        closed, flagged);
            }
        })).replaceWithVoid().onFailure().recoverWithUni(e -> {
            Log.warnf("Deadline job failed, next run retries: %s", e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** Closes every case whose supplement deadline passed, batch by batch; how many were closed. */
    public Uni<Integer> closeExpiredSupplements() {
        return closeBatch().chain(n -> n < BATCH ? Uni.createFrom().item(n) : closeExpiredSupplements().map(more -> n + more));
    }

    private Uni<Integer> closeBatch() {
        LocalDate today = clock.today();
        return workflow.commitThenPublish(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                "from Application a where a.state = :state and a.supplementDeadline < :today order by a.supplementDeadline, a.id",
                Application.class)
                .setParameter("state", ApplicationStatus.SUPPLEMENT_REQUIRED).setParameter("today", today)
                .setMaxResults(BATCH).setLockMode("a", SKIP_LOCKED).getResultList())
                .chain(locked -> Multi.createFrom().iterable(locked)
                        .onItem().transformToUniAndConcatenate(a -> close(a, today))
                        .filter(Boolean::booleanValue)
                        .collect().asList()))
                .map(closed -> closed.size());
    }

    /** Under the row lock: still waiting for a supplement past the deadline? Then CLOSED_TIMEOUT; whether it closed. */
    private Uni<Boolean> close(Application a, LocalDate today) {
        if (a == null || a.state != ApplicationStatus.SUPPLEMENT_REQUIRED || a.supplementDeadline == null
                || !a.supplementDeadline.isBefore(today)) {
            return Uni.createFrom().item(false);
        }
        String note = "补正期限 " + a.supplementDeadline + " 已过，未收到补正材料，办件终止";
        return workflow.apply(a, Transition.TIME_OUT, Workflow.SYSTEM, note)
                .call(() -> audit.record(AuditEvent.of("application.closed_timeout").target("application", a.applicationNo)
                        .details(Map.of("deadline", a.supplementDeadline.toString(), "department", a.departmentCode))))
                .replaceWith(true);
    }

    /** Flags tolerated materials past their supply-by day, batch by batch; how many materials were flagged. */
    public Uni<Integer> flagOverdueMaterials() {
        return flagBatch().chain(n -> n < BATCH ? Uni.createFrom().item(n) : flagOverdueMaterials().map(more -> n + more));
    }

    private Uni<Integer> flagBatch() {
        LocalDate today = clock.today();
        return workflow.commitThenPublish(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                // Locks the application (the aggregate every writer locks first) and the material rows.
                "select m.id, a.id from Application a join ApplicationMaterial m on m.applicationId = a.id"
                        + " where m.kind = :tolerated and m.overdueFlaggedAt is null and m.supplyBy < :today"
                        + " and a.state in :open order by m.supplyBy, m.id", Object[].class)
                .setParameter("tolerated", ApplicationMaterial.Kind.TOLERATED).setParameter("today", today)
                .setParameter("open", OPEN_STATES)
                .setMaxResults(BATCH).setLockMode("a", SKIP_LOCKED).getResultList())
                .chain(rows -> {
                    Map<UUID, List<UUID>> byApplication = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        byApplication.computeIfAbsent((UUID) row[1], k -> new ArrayList<>()).add((UUID) row[0]);
                    }
                    return Multi.createFrom().iterable(byApplication.entrySet())
                            .onItem().transformToUniAndConcatenate(e -> flag(e.getKey(), e.getValue()))
                            .collect().asList()
                            .map(x -> rows.size());
                }));
    }

    private Uni<Void> flag(UUID applicationId, List<UUID> materialIds) {
        OffsetDateTime now = clock.now();
        return applications.findById(applicationId).chain(a -> applications.getSession()
                .chain(s -> s.find(ApplicationMaterial.class, materialIds.toArray()))
                .chain(materials -> {
                    List<String> names = new ArrayList<>();
                    LocalDate supplyBy = null;
                    for (ApplicationMaterial m : materials) {
                        m.overdueFlaggedAt = now;
                        names.add(m.name);
                        supplyBy = supplyBy == null || m.supplyBy.isBefore(supplyBy) ? m.supplyBy : supplyBy;
                    }
                    Workflow.touch(a, now);
                    String note = "容缺材料 " + String.join("、", names) + " 未在 " + supplyBy + " 前补交，请尽快补交";
                    return workflow.remark(a, Workflow.SYSTEM, CaseEvent.MATERIAL_OVERDUE, "MATERIAL_OVERDUE", note, now);
                }));
    }
}
