package app.banhao.application.core;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Where state changes of applications go once committed, for live progress (SSE to the resident's
 * devices, on whichever node they are connected to). Best effort: publishing never fails the change
 * itself; the inbox and the timeline are the durable record.
 */
public interface ApplicationEvents {

    /** One state change, as pushed to the resident. */
    record StateChanged(String applicationNo, String itemCode, ApplicationStatus fromState, ApplicationStatus toState,
            String type, OffsetDateTime at, long version, String itemName) {
    }

    /** Never fails. */
    Uni<Void> publish(UUID residentId, StateChanged change);
}
