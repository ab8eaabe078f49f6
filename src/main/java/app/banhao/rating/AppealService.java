package app.banhao.rating;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.RatingAppealOutcome;
import app.banhao.api.model.RectificationPage;
import app.banhao.api.model.StaffRating;
import app.banhao.api.model.StaffRatingPage;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.events.CaseTimelineFact.ActorKind;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxCommits;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * 申诉复核: the department appeals a 差评 as mistaken or malicious within its working days; an administrator (another
 * role, never the one who appealed) upholds it, which takes the rating out of the figures but keeps it on record with
 * the decision, or rejects it. The resident is told the outcome and why. Also the administrators' escalation lists.
 */
@ApplicationScoped
public class AppealService {

    private final RatingRepository ratings;
    private final RectificationRepository rectifications;
    private final RectificationService department;
    private final Rectifications steps;
    private final RatingMapper mapper;
    private final OutboxCommits commits;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final CacheAside cache;
    private final BusinessClock clock;

    public AppealService(RatingRepository ratings, RectificationRepository rectifications, RectificationService department,
            Rectifications steps, RatingMapper mapper, OutboxCommits commits, Outbox outbox, AuditTrail audit, CacheAside cache,
            BusinessClock clock) {
        this.ratings = ratings;
        this.rectifications = rectifications;
        this.department = department;
        this.steps = steps;
        this.mapper = mapper;
        this.commits = commits;
        this.outbox = outbox;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    public Uni<StaffRating> appeal(String departmentCode, UUID staffId, UUID ratingId, String reason) {
        return commits.commitThenDeliver(() -> ratings.ofDepartment(ratingId, departmentCode)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(r -> {
                    OffsetDateTime now = clock.now();
                    if (!r.bad || r.appealState != null) {
                        throw ApiException.of(RatingErrors.RATING_APPEAL_NOT_ALLOWED,
                                r.bad ? "该差评已申诉过，每条差评只能申诉一次" : "只能对差评（不满意、非常不满意）申诉");
                    }
                    if (now.atZoneSameInstant(BusinessClock.ZONE).toLocalDate().isAfter(r.appealBy)) {
                        throw ApiException.of(RatingErrors.RATING_APPEAL_WINDOW_CLOSED, r.appealBy.toString());
                    }
                    r.appealState = Rating.AppealState.PENDING;
                    r.appealReason = reason.strip();
                    r.appealedAt = now;
                    r.appealedBy = staffId;
                    RatingEvent appealed = RatingEvent.about(RatingEvent.APPEALED, r, now)
                            .onTimeline("RATING_APPEALED", null, ActorKind.STAFF, r.departmentCode, r.appealReason).toStaffOnly();
                    return outbox.publish(appealed)
                            .call(() -> audit.record(AuditEvent.of("rating.appeal").target("rating", r.id.toString())))
                            .replaceWith(r.id);
                }))
                .call(() -> cache.invalidate(RatingCache.NAMESPACE))
                .chain(id -> Panache.withSession(() -> staffView(id)));
    }

    public Uni<StaffRating> decide(UUID adminId, UUID ratingId, RatingAppealOutcome outcome, String reason) {
        return commits.commitThenDeliver(() -> ratings.findById(ratingId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(r -> {
                    if (r.appealState != Rating.AppealState.PENDING) {
                        throw ApiException.of(RatingErrors.RATING_APPEAL_NOT_ALLOWED, "该评价没有待复核的申诉");
                    }
                    if (adminId.equals(r.appealedBy)) {
                        // 复核 is by someone else than the department that appealed: never the appellant themself.
                        throw ApiException.of(ErrorCode.FORBIDDEN);
                    }
                    OffsetDateTime now = clock.now();
                    boolean upheld = outcome == RatingAppealOutcome.UPHELD;
                    r.appealState = upheld ? Rating.AppealState.UPHELD : Rating.AppealState.REJECTED;
                    r.appealDecisionReason = reason.strip();
                    r.appealDecidedAt = now;
                    r.appealDecidedBy = adminId;
                    r.counted = !upheld;
                    String kind = upheld ? "RATING_APPEAL_UPHELD" : "RATING_APPEAL_REJECTED";
                    RatingEvent decided = RatingEvent.about(RatingEvent.APPEAL_DECIDED, r, now)
                            .onTimeline(kind, null, ActorKind.STAFF, "复核管理员", r.appealDecisionReason).notifying(kind);
                    return outbox.publish(decided)
                            .call(() -> audit.record(AuditEvent.of("rating.appeal.decide").target("rating", r.id.toString())
                                    .details(Map.of("outcome", outcome.name()))))
                            .call(() -> upheld ? steps.withdraw(r, now, "申诉复核成立") : Uni.createFrom().voidItem())
                            .replaceWith(r.id);
                }))
                .call(() -> cache.invalidate(RatingCache.NAMESPACE))
                .chain(id -> Panache.withSession(() -> staffView(id)));
    }

    @WithSession
    public Uni<StaffRatingPage> pending(PageRequest page) {
        return ratings.pendingAppeals(page).chain(rows -> department.staffPage(rows, page));
    }

    @WithSession
    public Uni<RectificationPage> overdue(PageRequest page) {
        return rectifications.escalated(page).chain(rows -> department.rectificationPage(rows, page));
    }

    private Uni<StaffRating> staffView(UUID id) {
        return ratings.findById(id).chain(r -> rectifications.ofRating(id).map(x -> mapper.forStaff(r, x == null ? null : x.id)));
    }
}
