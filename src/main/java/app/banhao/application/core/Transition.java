package app.banhao.application.core;

import static app.banhao.application.core.ApplicationStatus.ACCEPTED;
import static app.banhao.application.core.ApplicationStatus.APPROVED;
import static app.banhao.application.core.ApplicationStatus.CLOSED_TIMEOUT;
import static app.banhao.application.core.ApplicationStatus.DRAFT;
import static app.banhao.application.core.ApplicationStatus.NOT_ACCEPTED;
import static app.banhao.application.core.ApplicationStatus.REJECTED;
import static app.banhao.application.core.ApplicationStatus.SUBMITTED;
import static app.banhao.application.core.ApplicationStatus.SUPPLEMENT_REQUIRED;
import static app.banhao.application.core.ApplicationStatus.SUSPENDED;
import static app.banhao.application.core.ApplicationStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every edge of the state machine (DESIGN.md §5), and nothing else: a transition from a state not in
 * {@link #from} is a 409 naming the current state. {@code to == null} means "back where it was" (补正 answered).
 */
public enum Transition {
    SUBMIT(EnumSet.of(DRAFT), SUBMITTED, "SUBMITTED"),
    ACCEPT(EnumSet.of(SUBMITTED), ACCEPTED, "ACCEPTED"),
    NOT_ACCEPT(EnumSet.of(SUBMITTED), NOT_ACCEPTED, "NOT_ACCEPTED"),
    REQUEST_SUPPLEMENT(EnumSet.of(SUBMITTED, ACCEPTED), SUPPLEMENT_REQUIRED, "SUPPLEMENT_REQUESTED"),
    SUPPLY(EnumSet.of(SUPPLEMENT_REQUIRED), null, "SUPPLEMENTED"),
    SUSPEND(EnumSet.of(ACCEPTED), SUSPENDED, "SUSPENDED"),
    RESUME(EnumSet.of(SUSPENDED), ACCEPTED, "RESUMED"),
    APPROVE(EnumSet.of(ACCEPTED), APPROVED, "APPROVED"),
    REJECT(EnumSet.of(ACCEPTED), REJECTED, "REJECTED"),
    WITHDRAW(EnumSet.of(DRAFT, SUBMITTED, ACCEPTED, SUPPLEMENT_REQUIRED, SUSPENDED), WITHDRAWN, "WITHDRAWN"),
    TIME_OUT(EnumSet.of(SUPPLEMENT_REQUIRED), CLOSED_TIMEOUT, "CLOSED_TIMEOUT");

    private final Set<ApplicationStatus> from;
    private final ApplicationStatus to;
    private final String eventType;

    Transition(Set<ApplicationStatus> from, ApplicationStatus to, String eventType) {
        this.from = from;
        this.to = to;
        this.eventType = eventType;
    }

    public boolean allowedFrom(ApplicationStatus state) {
        return from.contains(state);
    }

    /** The state after the transition from an application whose state to return to is {@code resume}. */
    public ApplicationStatus target(ApplicationStatus resume) {
        return to != null ? to : resume;
    }

    public String eventType() {
        return eventType;
    }
}
