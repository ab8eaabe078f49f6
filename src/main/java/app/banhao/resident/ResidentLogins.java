package app.banhao.resident;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.TokenPair;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditRecord;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.session.AuthSession;
import app.banhao.platform.session.SessionService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A resident's login by a verified phone (SMS code or password): finds the resident, or opens them at level L1 on
 * their first login, and writes the session, its refresh token and the audit line — in one statement on the reactive
 * SQL client underneath Hibernate (the same pool), so one round trip to PostgreSQL and no transaction of its own.
 * Through Hibernate the same rows took seven (begin, the lookup, four inserts, commit), and their round trips were
 * most of a login's cost in the JVM (issue 16). The rows are those the entities map ({@link Resident},
 * {@link AuthSession}, {@code RefreshToken}, {@link AuditRecord}); the tests read them back through the API and the
 * tables.
 */
@ApplicationScoped
public class ResidentLogins {

    /**
     * A single statement sees one snapshot, so two first logins of one phone at once both miss {@code found}; the
     * second's insert then waits for the first and does nothing, so its statement returns no row and is sent again
     * (it then finds the resident the first opened).
     */
    private static final String OPEN = """
            WITH found AS (
                SELECT id, level FROM resident WHERE phone_idx = $1
            ), opened AS (
                INSERT INTO resident (id, phone_enc, phone_idx, level, language, large_text, created_at, updated_at, version)
                SELECT $2, $3, $1, 'L1', 'zh', false, $4, $4, 0 WHERE NOT EXISTS (SELECT 1 FROM found)
                ON CONFLICT (phone_idx) DO NOTHING
                RETURNING id, level
            ), who AS (
                SELECT id, level FROM found UNION ALL SELECT id, level FROM opened
            ), session AS (
                INSERT INTO auth_session (id, subject_type, subject_id, client, created_at, last_used_at, expires_at,
                        absolute_expires_at, ip_address, user_agent)
                SELECT $5, 'RESIDENT', id, $6, $4, $4, $7, $8, $9, $10 FROM who
                RETURNING id
            ), refresh AS (
                INSERT INTO refresh_token (token_hash, session_id, issued_at, expires_at)
                SELECT $11, id, $4, $7 FROM session
            ), audit AS (
                INSERT INTO audit_log (occurred_at, action, outcome, actor_type, actor_id, target_type, target_id, client_ip,
                        request_id, details)
                SELECT $12, $13, $14, 'resident', id::text, $15, $16, $17, $18, $19::text::jsonb FROM who
            )
            SELECT id, level FROM who""";

    private final Pool pool;
    private final DataProtection crypto;
    private final SessionService sessions;
    private final AuditTrail audit;

    public ResidentLogins(Pool pool, DataProtection crypto, SessionService sessions, AuditTrail audit) {
        this.pool = pool;
        this.crypto = crypto;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Logs in the resident with this verified phone, recording {@code login} (its actor is the resident). */
    public Uni<TokenPair> open(String phone, AuthSession.Client client, AuditEvent login) {
        SessionService.Opening opening = sessions.opening(AuthSession.SubjectType.RESIDENT, client);
        AuthSession s = opening.session();
        AuditRecord line = audit.toRecord(login);
        Tuple values = Tuple.from(new Object[] {
                Buffer.buffer(crypto.blindIndex("phone", phone)), UUID.randomUUID(), Buffer.buffer(crypto.encrypt(phone)),
                s.createdAt, s.id, client.name(), s.expiresAt, s.absoluteExpiresAt, s.ipAddress, s.userAgent,
                Buffer.buffer(opening.refreshTokenHash()),
                line.occurredAt, line.action, line.outcome, line.targetType, line.targetId, line.clientIp, line.requestId,
                line.details});
        return write(values).onItem().ifNull().switchTo(() -> write(values)).map(row -> {
            if (row == null) {
                throw new IllegalStateException("No resident found or opened for a verified phone");
            }
            return sessions.opened(opening, Residents.grant(row.getUUID(0), Resident.Level.valueOf(row.getString(1)), client));
        });
    }

    private Uni<Row> write(Tuple values) {
        return pool.preparedQuery(OPEN).execute(values).map(ResidentLogins::first);
    }

    private static Row first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? it.next() : null;
    }
}
