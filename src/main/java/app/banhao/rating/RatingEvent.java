package app.banhao.rating;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import app.banhao.platform.events.CaseTimelineFact;
import app.banhao.platform.events.ResidentNoticeFact;

/**
 * A step of 好差评 about one rated thing, as the other features hear of it: on the case timeline (when the thing is an
 * application, {@code timeline.<timelineKind>}), in the resident's inbox ({@code message.topic.<noticeTopic>}), in the
 * national report. Its aggregate is the thing, so the steps about it reach every consumer in order. The rater is never
 * named: the timeline shows them as {@link #RATER}.
 *
 * @param type the event's name ({@link #RATED}, {@link #FIXED} …), what consumers subscribe by
 * @param timelineKind the timeline's word for it, or null when it is not on the timeline
 * @param staffOnly whether the timeline shows it to the department's staff only (an appeal, an overdue flag)
 * @param noticeTopic the inbox topic of the resident's message, or null when they get none
 * @param label the text argument of the timeline entry (a level's name, a due day), or null
 */
public record RatingEvent(String type, UUID ratingId, SubjectKind subjectKind, String subjectId, UUID residentId,
        String departmentCode, String itemCode, String itemName, String subjectState, String channel, Level level,
        String timelineKind, boolean staffOnly, String noticeTopic, String label, String actorKind, String actorName,
        String note, OffsetDateTime at) implements CaseTimelineFact, ResidentNoticeFact {

    public static final String AGGREGATE = "rated-thing";
    /** How the timeline shows whoever rated: never their name. */
    public static final String RATER = "评价人";

    public static final String INVITED = "RatingInvited";
    public static final String RATED = "RatingSubmitted";
    public static final String AMENDED = "RatingAmended";
    public static final String OPENED = "RectificationOpened";
    public static final String FIXED = "RectificationFixed";
    public static final String FOLLOWED_UP = "RectificationFollowedUp";
    public static final String CLOSED = "RectificationClosed";
    public static final String WITHDRAWN = "RectificationWithdrawn";
    public static final String OVERDUE = "RectificationOverdue";
    public static final String APPEALED = "RatingAppealed";
    public static final String APPEAL_DECIDED = "RatingAppealDecided";

    @Override
    public String aggregateType() {
        return AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return subjectKind + ":" + subjectId;
    }

    @Override
    public Entry caseTimeline() {
        if (timelineKind == null || subjectKind != SubjectKind.APPLICATION) {
            return null;
        }
        return new Entry(subjectId, at, timelineKind, label == null ? List.of() : List.of(label), ActorKind.valueOf(actorKind),
                actorName, null, null, note, staffOnly ? Visibility.STAFF : Visibility.RESIDENT);
    }

    @Override
    public Notice residentNotice() {
        return noticeTopic == null ? null
                : new Notice(residentId, noticeTopic, subjectKind == SubjectKind.APPLICATION ? subjectId : null, itemName, note, at);
    }

    /** An event of {@code type} about {@code r}; the timeline and inbox parts are added with the {@code with…} methods. */
    static RatingEvent about(String type, Rating r, OffsetDateTime at) {
        return new RatingEvent(type, r.id, r.subjectKind, r.subjectId, r.residentId, r.departmentCode, r.itemCode, r.itemName,
                r.subjectState, r.channel, r.level, null, false, null, null, ActorKind.SYSTEM.name(), "系统", null, at);
    }

    RatingEvent onTimeline(String kind, String label, ActorKind actor, String name, String text) {
        return new RatingEvent(type, ratingId, subjectKind, subjectId, residentId, departmentCode, itemCode, itemName, subjectState,
                channel, level, kind, staffOnly, noticeTopic, label, actor.name(), name, text, at);
    }

    RatingEvent toStaffOnly() {
        return new RatingEvent(type, ratingId, subjectKind, subjectId, residentId, departmentCode, itemCode, itemName, subjectState,
                channel, level, timelineKind, true, noticeTopic, label, actorKind, actorName, note, at);
    }

    RatingEvent notifying(String topic) {
        return new RatingEvent(type, ratingId, subjectKind, subjectId, residentId, departmentCode, itemCode, itemName, subjectState,
                channel, level, timelineKind, staffOnly, topic, label, actorKind, actorName, note, at);
    }
}
