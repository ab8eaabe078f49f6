package app.banhao.rating;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.events.CaseTimelineFact.ActorKind;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxCommits;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Flags every rectification still OPEN after its due day, once: it shows as overdue in the department's list and in
 * the administrators' escalation list, the department's staff get a notice, and the case timeline says so (staff only).
 * Safe on any number of nodes: a batch locks its rows {@code FOR NO KEY UPDATE SKIP LOCKED} in one transaction and
 * checks them again under the lock, so two nodes never flag one rectification.
 */
@ApplicationScoped
public class OverdueRectifications {

    static final int BATCH = 100;

    private final RatingRepository ratings;
    private final StaffNoticeRepository notices;
    private final OutboxCommits commits;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public OverdueRectifications(RatingRepository ratings, StaffNoticeRepository notices, OutboxCommits commits, Outbox outbox,
            AuditTrail audit, BusinessClock clock) {
        this.ratings = ratings;
        this.notices = notices;
        this.commits = commits;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(every = "${banhao.ratings.overdue-job.every:60s}", delayed = "${banhao.ratings.overdue-job.delay:40s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return flagOverdue().invoke(n -> {
            if (n > 0) {
                Log.infof("Overdue job: %d rectifications flagged overdue and escalated", n);
            }
        }).replaceWithVoid().onFailure().recoverWithUni(e -> {
            Log.warnf("Overdue rectification job failed, next run retries: %s", e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** Flags every overdue rectification, batch by batch; how many were flagged. */
    public Uni<Integer> flagOverdue() {
        return batch().chain(n -> n < BATCH ? Uni.createFrom().item(n) : flagOverdue().map(more -> n + more));
    }

    private Uni<Integer> batch() {
        LocalDate today = clock.today();
        return commits.commitThenDeliver(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                "from Rectification x where x.state = :open and x.overdueFlaggedAt is null and x.dueOn < :today"
                        + " order by x.dueOn, x.id", Rectification.class)
                .setParameter("open", Rectification.State.OPEN).setParameter("today", today)
                .setMaxResults(BATCH).setLockMode("x", LockMode.UPGRADE_SKIPLOCKED).getResultList())
                .chain(locked -> Multi.createFrom().iterable(locked)
                        .onItem().transformToUniAndConcatenate(x -> flag(x, today))
                        .collect().asList().map(List::size)));
    }

    private Uni<Void> flag(Rectification x, LocalDate today) {
        if (x.state != Rectification.State.OPEN || x.overdueFlaggedAt != null || !x.dueOn.isBefore(today)) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = clock.now();
        x.overdueFlaggedAt = now;
        return ratings.findById(x.ratingId).chain(r -> {
            StaffNotice notice = new StaffNotice();
            notice.id = UUID.randomUUID();
            notice.departmentCode = x.departmentCode;
            notice.topic = StaffNotice.RECTIFICATION_OVERDUE;
            notice.rectificationId = x.id;
            notice.subjectId = r.subjectId;
            notice.itemName = r.itemName;
            notice.dueOn = x.dueOn;
            notice.createdAt = now;
            RatingEvent overdue = RatingEvent.about(RatingEvent.OVERDUE, r, now)
                    .onTimeline("RECTIFICATION_OVERDUE", x.dueOn.toString(), ActorKind.SYSTEM, "系统", null).toStaffOnly();
            return notices.persist(notice).call(() -> outbox.publish(overdue))
                    .call(() -> audit.record(AuditEvent.of("rating.rectification.overdue").actor("system", null)
                            .target("rectification", x.id.toString())
                            .details(Map.of("dueOn", x.dueOn.toString(), "department", x.departmentCode))))
                    .replaceWithVoid();
        });
    }
}
