package app.banhao.application.core;

import java.util.EnumSet;
import java.util.Set;

/** The states of DESIGN.md §5; the edges between them are {@link Transition}s. */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, ACCEPTED, SUPPLEMENT_REQUIRED, SUSPENDED, APPROVED, REJECTED, NOT_ACCEPTED, WITHDRAWN, CLOSED_TIMEOUT;

    /** Submitted and not yet decided: what a reviewer's worklist shows by default. */
    public static final Set<ApplicationStatus> OPEN = EnumSet.of(SUBMITTED, ACCEPTED, SUPPLEMENT_REQUIRED, SUSPENDED);

    /** The time limit does not run in these states (补正, 特别程序). */
    public boolean stopsClock() {
        return this == SUPPLEMENT_REQUIRED || this == SUSPENDED;
    }

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == NOT_ACCEPTED || this == WITHDRAWN || this == CLOSED_TIMEOUT;
    }
}
