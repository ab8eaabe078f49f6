package app.banhao.video.appointment;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One resident's booking of one slot (availability + slot start) of a department's video service, for one item. The
 * description is the resident's own words, stored encrypted. State moves go through {@link AppointmentStates}, which
 * also stamps the matching time.
 */
@Entity
@Table(name = "video_appointment")
public class Appointment {

    @Id
    public UUID id;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(name = "availability_id", nullable = false)
    public UUID availabilityId;

    /** The agent (staff user) who called the resident; empty until then. */
    @Column(name = "agent_staff_id")
    public UUID agentStaffId;

    @Column(name = "slot_start", nullable = false)
    public OffsetDateTime slotStart;

    @Column(name = "slot_end", nullable = false)
    public OffsetDateTime slotEnd;

    @Column(name = "description_enc", nullable = false)
    public byte[] descriptionEnc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentState state;

    @Column(name = "hold_expires_at")
    public OffsetDateTime holdExpiresAt;

    @Column(name = "booked_at")
    public OffsetDateTime bookedAt;

    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;

    @Column(name = "called_at")
    public OffsetDateTime calledAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "missed_at")
    public OffsetDateTime missedAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
