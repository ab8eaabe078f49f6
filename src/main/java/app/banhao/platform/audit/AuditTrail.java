package app.banhao.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.common.AffectedEntities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.SqlStatement;
import app.banhao.platform.web.CallerInfo;
import app.banhao.platform.web.RequestIds;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Appends to the audit log inside the caller's transaction, so a recorded change and its audit line
 * commit or roll back together. Outside a transaction it opens its own.
 */
@ApplicationScoped
public class AuditTrail {

    private final ObjectMapper json;
    private final InjectableInstance<CurrentActor> actor;
    private final InjectableInstance<CurrentVertxRequest> request;
    private final CallerInfo caller;
    private final BusinessClock clock;

    public AuditTrail(ObjectMapper json, InjectableInstance<CurrentActor> actor,
            InjectableInstance<CurrentVertxRequest> request, CallerInfo caller, BusinessClock clock) {
        this.clock = clock;
        this.json = json;
        this.actor = actor;
        this.request = request;
        this.caller = caller;
    }

    public Uni<Void> record(AuditEvent event) {
        AuditRecord record = toRecord(event);
        return Panache.getSession().flatMap(session -> session.persist(record))
                .replaceWithVoid();
    }

    /** For callers without a transaction of their own (e.g. a failed login that changes nothing). */
    public Uni<Void> recordAlone(AuditEvent event) {
        AuditRecord record = toRecord(event);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.persist(record))).replaceWithVoid();
    }

    private static final AffectedEntities TABLE = new AffectedEntities(AuditRecord.class);
    private static final String INSERT = "INSERT INTO audit_log (occurred_at, action, outcome, actor_type, actor_id,"
            + " target_type, target_id, client_ip, request_id, details)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(cast(?10 AS text) AS jsonb))";

    /**
     * {@link #record} as a statement, for a writer that sends its statements itself: the line {@link #toRecord} makes of
     * {@code event} (now, and of the current request), every column the entity maps but its generated id.
     */
    public SqlStatement insert(AuditEvent event) {
        AuditRecord r = toRecord(event);
        return SqlStatement.of(INSERT, TABLE, r.occurredAt, r.action, r.outcome, r.actorType, r.actorId, r.targetType, r.targetId,
                r.clientIp, r.requestId, r.details);
    }

    /**
     * The row {@link #record} would append, for a writer that appends it with its own statement (a login writes its
     * resident, session and audit line in one, {@code ResidentLogins}).
     */
    public AuditRecord toRecord(AuditEvent event) {
        AuditRecord record = new AuditRecord();
        record.occurredAt = clock.now();
        record.action = event.action();
        record.outcome = event.outcome();
        record.targetType = event.targetType();
        record.targetId = event.targetId();
        record.details = event.details().isEmpty() ? null : toJson(event);
        // Only an HTTP request has a caller; jobs and start-up work are the system.
        RoutingContext ctx = Arc.container().requestContext().isActive() ? request.get().getCurrent() : null;
        if (event.actorType() != null) {
            record.actorType = event.actorType();
            record.actorId = event.actorId();
        } else if (ctx != null && actor.get().authenticated()) {
            record.actorType = actor.get().kind();
            record.actorId = actor.get().id();
        } else {
            record.actorType = ctx != null ? "anonymous" : "system";
        }
        if (ctx != null) {
            record.clientIp = caller.ip();
            record.requestId = ctx.request().getHeader(RequestIds.HEADER);
        }
        return record;
    }

    private String toJson(AuditEvent event) {
        try {
            return json.writeValueAsString(event.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be JSON-serialisable", e);
        }
    }
}
