package app.banhao.application.core;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import app.banhao.platform.events.CaseTimelineFact;

/**
 * Something that happened to a case, as the other features hear of it through the outbox: its number, the
 * resident, the item and department, the states, the time and who acted. Every kind of case event has this
 * one shape; {@link #type} names the kind ({@code ApplicationSubmitted}, {@code ApplicationApproved}, …), and
 * consumers subscribe by it. Each is also an entry of the case timeline ({@link CaseTimelineFact}).
 *
 * @param timelineType the timeline's word for it ({@code SUBMITTED}, {@code SUPPLEMENTED}, …)
 * @param topic what a message that is not about a state change is about (e.g. {@code MATERIAL_OVERDUE})
 * @param actorName who acted as the timeline shows them (masked for a resident)
 */
public record CaseEvent(String type, String applicationNo, UUID applicationId, UUID residentId, String itemCode,
        String itemName, String departmentCode, ApplicationStatus fromState, ApplicationStatus toState, String timelineType,
        String topic, long version, OffsetDateTime at, String actorKind, String actorId, String actorName, String note)
        implements CaseTimelineFact {

    public static final String AGGREGATE = "application";
    public static final String SUBMITTED = "ApplicationSubmitted";
    public static final String ACCEPTED = "ApplicationAccepted";
    public static final String NOT_ACCEPTED = "ApplicationNotAccepted";
    public static final String SUPPLEMENT_REQUESTED = "SupplementRequested";
    public static final String SUPPLEMENTED = "SupplementProvided";
    public static final String SUSPENDED = "ApplicationSuspended";
    public static final String RESUMED = "ApplicationResumed";
    public static final String APPROVED = "ApplicationApproved";
    public static final String REJECTED = "ApplicationRejected";
    public static final String WITHDRAWN = "ApplicationWithdrawn";
    public static final String CLOSED_TIMEOUT = "ApplicationClosedForTimeout";
    public static final String MATERIAL_OVERDUE = "MaterialOverdue";
    /** A draft was started; on the timeline only (no message, no live push). */
    public static final String DRAFTED = "ApplicationDrafted";
    /** 秒批 checked the rules and left the case to a reviewer; on the timeline only. */
    public static final String INSTANT_REVIEW_REFERRED = "InstantReviewReferred";
    /** The case will likely be late, or its promise is a working day away ({@code progress.LateWarnings}); once per case. */
    public static final String LATE_WARNING = "CompletionLateWarning";

    @Override
    public String aggregateType() {
        return AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return applicationNo;
    }

    /** Whether the case changed state, or came to be (every kind but a remark such as {@link #MATERIAL_OVERDUE}). */
    public boolean stateChange() {
        return topic == null;
    }

    /** The entry of the case timeline: a state change shows its states, a remark (a {@link #topic}) none. */
    @Override
    public CaseTimelineFact.Entry caseTimeline() {
        boolean change = stateChange();
        return new CaseTimelineFact.Entry(applicationNo, at, timelineType, List.of(), ActorKind.valueOf(actorKind),
                actorName == null ? "系统" : actorName, change && fromState != null ? fromState.name() : null,
                change && toState != null ? toState.name() : null, note, Visibility.RESIDENT);
    }

    /** {@code a} (already moved and touched) went {@code from} → {@code to} along {@code t}. */
    static CaseEvent of(Application a, Transition t, ApplicationStatus from, ApplicationStatus to, Workflow.Actor actor,
            String note, OffsetDateTime at) {
        return new CaseEvent(typeOf(t), a.applicationNo, a.id, a.residentId, a.itemCode, a.itemName, a.departmentCode, from, to,
                t.eventType(), null, a.version, at, actor.kind(), actor.id(), actor.display(), note);
    }

    /** {@code a} was just created as a DRAFT by {@code actor}. */
    static CaseEvent drafted(Application a, Workflow.Actor actor, String note, OffsetDateTime at) {
        return new CaseEvent(DRAFTED, a.applicationNo, a.id, a.residentId, a.itemCode, a.itemName, a.departmentCode, null,
                ApplicationStatus.DRAFT, "CREATED", null, a.version, at, actor.kind(), actor.id(), actor.display(), note);
    }

    /** A remark about {@code a} that changes nothing, e.g. a tolerated material past its day. */
    static CaseEvent remark(Application a, String type, String topic, Workflow.Actor actor, String note, OffsetDateTime at) {
        return new CaseEvent(type, a.applicationNo, a.id, a.residentId, a.itemCode, a.itemName, a.departmentCode, a.state,
                a.state, topic, topic, a.version, at, actor.kind(), actor.id(), actor.display(), note);
    }

    static String typeOf(Transition t) {
        return switch (t) {
            case SUBMIT -> SUBMITTED;
            case ACCEPT -> ACCEPTED;
            case NOT_ACCEPT -> NOT_ACCEPTED;
            case REQUEST_SUPPLEMENT -> SUPPLEMENT_REQUESTED;
            case SUPPLY -> SUPPLEMENTED;
            case SUSPEND -> SUSPENDED;
            case RESUME -> RESUMED;
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case WITHDRAW -> WITHDRAWN;
            case TIME_OUT -> CLOSED_TIMEOUT;
        };
    }
}
