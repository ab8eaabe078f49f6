package app.banhao.rating;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.BadRatingReason;
import app.banhao.api.model.FollowUp;
import app.banhao.api.model.FollowUpChannel;
import app.banhao.api.model.RatingAppeal;
import app.banhao.api.model.RatingAppealState;
import app.banhao.api.model.RatingChannel;
import app.banhao.api.model.RatingIndicators;
import app.banhao.api.model.RatingInvitation;
import app.banhao.api.model.RatingLevel;
import app.banhao.api.model.RatingSubjectKind;
import app.banhao.api.model.RectificationState;
import app.banhao.api.model.RectificationVerdict;
import app.banhao.api.model.ResidentRectification;
import app.banhao.api.model.StaffRating;

/**
 * Ratings as each reader sees them: the resident their own rating with its rectification and the appeal's outcome (not
 * the department's reasons); staff and administrators the rating with the rater masked, never who it was.
 */
@ApplicationScoped
public class RatingMapper {

    /** What staff see in place of the rater. */
    static final String MASKED_RATER = "匿名";

    public app.banhao.api.model.Rating forResident(Rating r, Rectification x, OffsetDateTime amendableUntil) {
        app.banhao.api.model.Rating view = new app.banhao.api.model.Rating().id(r.id)
                .subjectKind(RatingSubjectKind.valueOf(r.subjectKind.name())).subjectId(r.subjectId).itemCode(r.itemCode)
                .itemName(r.itemName).departmentCode(r.departmentCode).channel(RatingChannel.valueOf(r.channel))
                .level(level(r.level)).bad(r.bad).indicators(indicators(r)).reasons(reasons(r.reasons)).comment(r.comment)
                .ratedAt(utc(r.ratedAt)).amendedAt(utc(r.amendedAt)).amendableUntil(utc(amendableUntil))
                .countsInStatistics(r.counted);
        if (x != null) {
            view.rectification(new ResidentRectification().state(RectificationState.valueOf(x.state.name())).dueOn(x.dueOn)
                    .fix(x.fix).fixedAt(utc(x.fixedAt)).followUp(followUp(x))
                    .verdict(x.verdict == null ? null : RectificationVerdict.valueOf(x.verdict)).closedAt(utc(x.closedAt)));
        }
        if (r.appealState != null && r.appealState != Rating.AppealState.PENDING) {
            // The resident hears of an appeal once it is decided, with the decision's reason only.
            view.appeal(new RatingAppeal().state(RatingAppealState.valueOf(r.appealState.name()))
                    .decisionReason(r.appealDecisionReason).decidedAt(utc(r.appealDecidedAt)));
        }
        return view;
    }

    public StaffRating forStaff(Rating r, java.util.UUID rectificationId) {
        StaffRating view = new StaffRating().id(r.id).subjectKind(RatingSubjectKind.valueOf(r.subjectKind.name()))
                .subjectId(r.subjectId).itemCode(r.itemCode).itemName(r.itemName).departmentCode(r.departmentCode)
                .rater(MASKED_RATER).level(level(r.level)).bad(r.bad).indicators(indicators(r)).reasons(reasons(r.reasons))
                .comment(r.comment).ratedAt(utc(r.ratedAt)).appealBy(r.appealBy).countsInStatistics(r.counted)
                .rectificationId(rectificationId);
        if (r.appealState != null) {
            view.appeal(new RatingAppeal().state(RatingAppealState.valueOf(r.appealState.name())).reason(r.appealReason)
                    .appealedAt(utc(r.appealedAt)).decisionReason(r.appealDecisionReason).decidedAt(utc(r.appealDecidedAt)));
        }
        return view;
    }

    public app.banhao.api.model.Rectification forStaff(Rectification x, Rating r) {
        return new app.banhao.api.model.Rectification().id(x.id).version(x.version).ratingId(r.id)
                .subjectKind(RatingSubjectKind.valueOf(r.subjectKind.name())).subjectId(r.subjectId).itemCode(r.itemCode)
                .itemName(r.itemName).departmentCode(x.departmentCode).rater(MASKED_RATER).level(level(r.level))
                .reasons(reasons(r.reasons)).comment(r.comment).state(RectificationState.valueOf(x.state.name()))
                .openedAt(utc(x.openedAt)).dueOn(x.dueOn).overdue(x.overdueFlaggedAt != null).escalatedAt(utc(x.overdueFlaggedAt))
                .fix(x.fix).fixedAt(utc(x.fixedAt)).fixedOnTime(x.fixedOnTime).followUp(followUp(x))
                .verdict(x.verdict == null ? null : RectificationVerdict.valueOf(x.verdict)).closedAt(utc(x.closedAt));
    }

    public RatingInvitation invitation(app.banhao.rating.RatingInvitation i) {
        return new RatingInvitation().subjectKind(RatingSubjectKind.valueOf(i.subjectKind.name())).subjectId(i.subjectId)
                .itemCode(i.itemCode).itemName(i.itemName).departmentCode(i.departmentCode)
                .channel(RatingChannel.valueOf(i.channel)).finishedAt(utc(i.finishedAt)).rateBy(utc(i.rateBy));
    }

    private static FollowUp followUp(Rectification x) {
        return x.followUpAt == null ? null : new FollowUp().channel(FollowUpChannel.valueOf(x.followUpChannel))
                .contactedAt(utc(x.followUpAt)).result(x.followUpResult);
    }

    private static RatingIndicators indicators(Rating r) {
        if (r.efficiency == null && r.guideAccuracy == null && r.convenience == null && r.usability == null) {
            return null;
        }
        return new RatingIndicators().efficiency(level(r.efficiency)).guideAccuracy(level(r.guideAccuracy))
                .convenience(level(r.convenience)).usability(level(r.usability));
    }

    static RatingLevel level(Level l) {
        return l == null ? null : RatingLevel.valueOf(l.name());
    }

    static List<BadRatingReason> reasons(String stored) {
        return stored == null || stored.isEmpty() ? List.of()
                : Arrays.stream(stored.split(",")).map(BadRatingReason::valueOf).toList();
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
