package app.banhao.video.proxy;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A resident's consent for an agent to act for them (帮代办), asked after a video session (V835). Items and actions
 * are few short codes, kept comma-separated. An ACTIVE consent past {@link #expiresAt} is EXPIRED ({@link #stateAt}).
 */
@Entity
@Table(name = "proxy_consent")
public class Consent {

    @Id
    public UUID id;

    @Column(name = "appointment_id", nullable = false)
    public UUID appointmentId;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "agent_staff_id", nullable = false)
    public UUID agentStaffId;

    /** The agent's display name when they asked, as the resident and the application see it. */
    @Column(name = "agent_name", nullable = false)
    public String agentName;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "item_codes", nullable = false)
    public String itemCodes;

    @Column(nullable = false)
    public String actions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentState state;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Version
    public long version;

    public List<String> items() {
        return Arrays.asList(itemCodes.split(","));
    }

    public List<String> actionList() {
        return Arrays.asList(actions.split(","));
    }

    /** The state as of {@code now}: ACTIVE (or still REQUESTED) past the expiry reads as EXPIRED. */
    public ConsentState stateAt(OffsetDateTime now) {
        boolean open = state == ConsentState.ACTIVE || state == ConsentState.REQUESTED;
        return open && !now.isBefore(expiresAt) ? ConsentState.EXPIRED : state;
    }
}
