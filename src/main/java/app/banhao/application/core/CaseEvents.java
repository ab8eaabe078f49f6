package app.banhao.application.core;

import java.util.Set;

/** Which event types are case events, and which of them are state changes. */
public final class CaseEvents {

    private static final Set<String> STATE_CHANGES = Set.of(CaseEvent.SUBMITTED, CaseEvent.ACCEPTED, CaseEvent.NOT_ACCEPTED,
            CaseEvent.SUPPLEMENT_REQUESTED, CaseEvent.SUPPLEMENTED, CaseEvent.SUSPENDED, CaseEvent.RESUMED, CaseEvent.APPROVED,
            CaseEvent.REJECTED, CaseEvent.WITHDRAWN, CaseEvent.CLOSED_TIMEOUT);

    private CaseEvents() {
    }

    public static boolean isStateChange(String type) {
        return STATE_CHANGES.contains(type);
    }

    public static boolean isCaseEvent(String type) {
        return isStateChange(type) || CaseEvent.MATERIAL_OVERDUE.equals(type) || CaseEvent.LATE_WARNING.equals(type);
    }
}
