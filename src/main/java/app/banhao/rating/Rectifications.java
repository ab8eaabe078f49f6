package app.banhao.rating;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.events.CaseTimelineFact.ActorKind;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/**
 * The life of a rectification (差评整改), inside the caller's transaction: OPEN when a 差评 is given, FIXED when the
 * department records what it did, CLOSED when the resident rates the fix, WITHDRAWN when the rating stops being a
 * 差评 (amended, or taken out by an upheld appeal). Each step is audited and announced (timeline, inbox, figures).
 */
@ApplicationScoped
public class Rectifications {

    private final RectificationRepository rectifications;
    private final RatingDeadlines deadlines;
    private final Outbox outbox;
    private final AuditTrail audit;

    public Rectifications(RectificationRepository rectifications, RatingDeadlines deadlines, Outbox outbox, AuditTrail audit) {
        this.rectifications = rectifications;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Opens (or, after a withdrawal, reopens) the rectification of the 差评 {@code r}, due in working days. */
    Uni<Void> open(Rating r, OffsetDateTime now) {
        return rectifications.ofRating(r.id).chain(existing -> {
            Rectification x = existing != null ? existing : new Rectification();
            if (existing == null) {
                x.id = UUID.randomUUID();
                x.ratingId = r.id;
                x.departmentCode = r.departmentCode;
                x.itemCode = r.itemCode;
                x.period = r.period;
            }
            x.state = Rectification.State.OPEN;
            x.openedAt = now;
            x.dueOn = deadlines.rectificationDue(r.departmentCode, now.atZoneSameInstant(BusinessClock.ZONE).toLocalDate());
            x.overdueFlaggedAt = null;
            RatingEvent opened = RatingEvent.about(RatingEvent.OPENED, r, now)
                    .onTimeline("RECTIFICATION_OPENED", x.dueOn.toString(), ActorKind.SYSTEM, "系统", null);
            return (existing == null ? rectifications.persist(x) : Uni.createFrom().item(x))
                    .call(() -> outbox.publish(opened))
                    .call(() -> audit.record(AuditEvent.of("rating.rectification.open").target("rectification", x.id.toString())
                            .details(Map.of("rating", r.id.toString(), "dueOn", x.dueOn.toString()))))
                    .replaceWithVoid();
        });
    }

    /** The rating is no longer a counted 差评: its rectification, unless already closed, is withdrawn. */
    Uni<Void> withdraw(Rating r, OffsetDateTime now, String why) {
        return rectifications.ofRating(r.id).chain(x -> {
            if (x == null || x.state == Rectification.State.CLOSED || x.state == Rectification.State.WITHDRAWN) {
                return Uni.createFrom().voidItem();
            }
            x.state = Rectification.State.WITHDRAWN;
            x.closedAt = now;
            RatingEvent withdrawn = RatingEvent.about(RatingEvent.WITHDRAWN, r, now)
                    .onTimeline("RECTIFICATION_WITHDRAWN", null, ActorKind.SYSTEM, "系统", why);
            return outbox.publish(withdrawn)
                    .call(() -> audit.record(AuditEvent.of("rating.rectification.withdraw").target("rectification", x.id.toString())
                            .details(Map.of("why", why))));
        });
    }

    /** What the department did; the resident is asked to rate it. */
    Uni<Void> fix(Rating r, Rectification x, String action, UUID staffId, String staffName, OffsetDateTime now) {
        require(x, Rectification.State.OPEN, "记录整改措施");
        x.state = Rectification.State.FIXED;
        x.fix = action.strip();
        x.fixedAt = now;
        x.fixedBy = staffId;
        x.fixedOnTime = !now.atZoneSameInstant(BusinessClock.ZONE).toLocalDate().isAfter(x.dueOn);
        x.fixDays = Duration.between(x.openedAt, now).toMinutes() / (24.0 * 60);
        RatingEvent fixed = RatingEvent.about(RatingEvent.FIXED, r, now)
                .onTimeline("RECTIFICATION_FIXED", null, ActorKind.STAFF, staffName, x.fix).notifying("RECTIFICATION_FIXED");
        return outbox.publish(fixed).call(() -> audit.record(AuditEvent.of("rating.rectification.fix")
                .target("rectification", x.id.toString()).details(Map.of("onTime", x.fixedOnTime))));
    }

    /** The follow-up contact (回访), once, after the fix. */
    Uni<Void> followUp(Rating r, Rectification x, String channel, OffsetDateTime contactedAt, String result, String staffName,
            OffsetDateTime now) {
        if (x.state != Rectification.State.FIXED && x.state != Rectification.State.CLOSED || x.followUpAt != null) {
            throw ApiException.of(RatingErrors.RECTIFICATION_STATE_CONFLICT, x.state.name(), "记录回访");
        }
        x.followUpChannel = channel;
        x.followUpAt = contactedAt;
        x.followUpResult = result.strip();
        RatingEvent followed = RatingEvent.about(RatingEvent.FOLLOWED_UP, r, now)
                .onTimeline("RECTIFICATION_FOLLOWED_UP", channel, ActorKind.STAFF, staffName, x.followUpResult);
        return outbox.publish(followed).call(() -> audit.record(AuditEvent.of("rating.rectification.follow_up")
                .target("rectification", x.id.toString()).details(Map.of("channel", channel))));
    }

    /** The resident's verdict on the fix closes the rectification. */
    Uni<Void> close(Rating r, Rectification x, String verdict, OffsetDateTime now) {
        require(x, Rectification.State.FIXED, "评价整改结果");
        x.state = Rectification.State.CLOSED;
        x.verdict = verdict;
        x.closedAt = now;
        RatingEvent closed = RatingEvent.about(RatingEvent.CLOSED, r, now)
                .onTimeline("RECTIFICATION_CLOSED", Verdicts.label(verdict), ActorKind.RESIDENT, RatingEvent.RATER, null);
        return outbox.publish(closed).call(() -> audit.record(AuditEvent.of("rating.rectification.verdict")
                .target("rectification", x.id.toString()).details(Map.of("verdict", verdict))));
    }

    private static void require(Rectification x, Rectification.State wanted, String step) {
        if (x.state != wanted) {
            throw ApiException.of(RatingErrors.RECTIFICATION_STATE_CONFLICT, x.state.name(), step);
        }
    }

    /** The resident's words for a verdict on the fix. */
    static final class Verdicts {
        private Verdicts() {
        }

        static String label(String verdict) {
            return switch (verdict) {
                case "SATISFIED" -> "满意";
                case "BASICALLY_SATISFIED" -> "基本满意";
                default -> "不满意";
            };
        }
    }
}
