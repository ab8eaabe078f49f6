package app.banhao.staff;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A department's agent, reviewer or administrator. Logs in with password plus TOTP. */
@Entity
@Table(name = "staff_user")
public class StaffUser {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] roles;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "totp_secret_enc", nullable = false)
    public byte[] totpSecretEnc;

    /** The last 30-second step a code was accepted for: each code works once. */
    @Column(name = "last_totp_step", nullable = false)
    public long lastTotpStep;

    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;
}
