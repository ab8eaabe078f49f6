package app.banhao.platform.audit;

import java.util.Map;

/**
 * What to record. Build one with {@link #of(String)} and the {@code with…} methods; the actor, client IP
 * and request id of the current request are filled in by {@link AuditTrail} when not given.
 */
public record AuditEvent(String action, String outcome, String actorType, String actorId, String targetType,
        String targetId, Map<String, Object> details) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    public static final String DENIED = "DENIED";

    public static AuditEvent of(String action) {
        return new AuditEvent(action, SUCCESS, null, null, null, null, Map.of());
    }

    public AuditEvent outcome(String value) {
        return new AuditEvent(action, value, actorType, actorId, targetType, targetId, details);
    }

    public AuditEvent actor(String type, String id) {
        return new AuditEvent(action, outcome, type, id, targetType, targetId, details);
    }

    public AuditEvent target(String type, String id) {
        return new AuditEvent(action, outcome, actorType, actorId, type, id, details);
    }

    public AuditEvent details(Map<String, Object> value) {
        return new AuditEvent(action, outcome, actorType, actorId, targetType, targetId, Map.copyOf(value));
    }
}
