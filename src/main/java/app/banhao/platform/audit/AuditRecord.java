package app.banhao.platform.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of the append-only audit log (DESIGN.md §7). The table refuses updates and stray deletes. */
@Entity
@Table(name = "audit_log")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** e.g. {@code auth.login}, {@code catalog.item.update}, {@code personal-data.read}. */
    @Column(nullable = false)
    public String action;

    /** {@code SUCCESS}, {@code FAILURE} or {@code DENIED}. */
    @Column(nullable = false)
    public String outcome;

    @Column(name = "actor_type", nullable = false)
    public String actorType;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "target_type")
    public String targetType;

    @Column(name = "target_id")
    public String targetId;

    @Column(name = "client_ip")
    public String clientIp;

    @Column(name = "request_id")
    public String requestId;

    /** Extra facts as JSON; never personal data in clear. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String details;
}
