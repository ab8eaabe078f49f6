package app.banhao.application;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.DomainEvent;

/**
 * Something that happened to a case, as the other features hear of it through the outbox: its number, the
 * resident, the item and department, the states, the time and who acted. Every kind of case event has this
 * one shape; {@link #type} names the kind ({@code ApplicationSubmitted}, {@code ApplicationApproved}, …), and
 * consumers subscribe by it.
 *
 * @param timelineType the timeline's word for it ({@code SUBMITTED}, {@code SUPPLEMENTED}, …)
 * @param topic what a message that is not about a state change is about (e.g. {@code MATERIAL_OVERDUE})
 */
public record CaseEvent(String type, String applicationNo, UUID applicationId, UUID residentId, String itemCode,
        String itemName, String departmentCode, ApplicationStatus fromState, ApplicationStatus toState, String timelineType,
        String topic, long version, OffsetDateTime at, String actorKind, String actorId, String note) implements DomainEvent {

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
    /** The case will likely be late, or its promise is a working day away ({@link LateWarnings}); once per case. */
    public static final String LATE_WARNING = "CompletionLateWarning";

    @Override
    public String aggregateType() {
        return AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return applicationNo;
    }

    /** Whether the case changed state (every kind but a reminder such as {@link #MATERIAL_OVERDUE}). */
    public boolean stateChange() {
        return topic == null;
    }

    /** {@code a} (already moved and touched) went {@code from} → {@code to} along {@code t}. */
    static CaseEvent of(Application a, Transition t, ApplicationStatus from, ApplicationStatus to, Workflow.Actor actor,
            String note, OffsetDateTime at) {
        return new CaseEvent(typeOf(t), a.applicationNo, a.id, a.residentId, a.itemCode, a.itemName, a.departmentCode, from, to,
                t.eventType(), null, a.version, at, actor.kind(), actor.id(), note);
    }

    /** A reminder about {@code a} that changes nothing, e.g. a tolerated material past its day. */
    static CaseEvent reminder(Application a, String type, String topic, String note, OffsetDateTime at) {
        return new CaseEvent(type, a.applicationNo, a.id, a.residentId, a.itemCode, a.itemName, a.departmentCode, a.state,
                a.state, topic, topic, a.version, at, "SYSTEM", null, note);
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
