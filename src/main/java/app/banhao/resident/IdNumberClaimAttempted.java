package app.banhao.resident;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.DomainEvent;

/**
 * Someone tried to verify their real name with the ID number {@code holderId} already holds. The caller got a neutral
 * refusal; the holder is told (the inbox consumes this). Who tried is in the audit log, not in the event.
 */
public record IdNumberClaimAttempted(UUID holderId, OffsetDateTime at) implements DomainEvent {

    public static final String TYPE = "IdNumberClaimAttempted";

    @Override
    public String aggregateType() {
        return "resident";
    }

    @Override
    public String aggregateId() {
        return holderId.toString();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
