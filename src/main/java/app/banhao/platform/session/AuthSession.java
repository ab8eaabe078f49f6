package app.banhao.platform.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A login session: the family of its refresh tokens. Revoked = every token of it stops working. */
@Entity
@Table(name = "auth_session")
public class AuthSession {

    public enum SubjectType {
        RESIDENT, STAFF, RELYING_PARTY
    }

    public enum Client {
        APP, MINI_PROGRAM, STAFF_CONSOLE, RELYING_PARTY
    }

    @Id
    public UUID id;

    @Column(name = "subject_type", nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public SubjectType subjectType;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Client client;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_used_at", nullable = false)
    public OffsetDateTime lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    /** When the session ends whatever the refreshes: {@code expiresAt} never moves past it. */
    @Column(name = "absolute_expires_at", nullable = false)
    public OffsetDateTime absoluteExpiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    @Column(name = "ip_address")
    public String ipAddress;

    @Column(name = "user_agent")
    public String userAgent;

    public boolean active(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now) && absoluteExpiresAt.isAfter(now);
    }
}
