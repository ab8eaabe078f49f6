package app.banhao.video.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One weekly time window in which a department (optionally for one item only) takes video appointments: the
 * weekdays it repeats on, the window, slot length, agents on duty per slot (capacity) and the booking horizon (opens
 * {@code opensDaysAhead} days ahead, closes {@code closesHoursBefore} hours before the slot). Times are the
 * province's ({@code BusinessClock.ZONE}).
 */
@Entity
@Table(name = "video_availability")
public class Availability {

    @Id
    public UUID id;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    /** Empty: any item of the department. */
    @Column(name = "item_code")
    public String itemCode;

    /** Bit 0 = Monday … bit 6 = Sunday. */
    @Column(nullable = false)
    public int weekdays;

    @Column(name = "window_start", nullable = false)
    public LocalTime windowStart;

    @Column(name = "window_end", nullable = false)
    public LocalTime windowEnd;

    @Column(name = "slot_minutes", nullable = false)
    public int slotMinutes;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "opens_days_ahead", nullable = false)
    public int opensDaysAhead;

    @Column(name = "closes_hours_before", nullable = false)
    public int closesHoursBefore;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** Also on the official calendar's days off (周末不打烊); otherwise working days only. */
    @Column(name = "on_days_off", nullable = false)
    public boolean onDaysOff;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Whether the window repeats on {@code day}'s weekday. */
    public boolean repeatsOn(DayOfWeek day) {
        return (weekdays & (1 << (day.getValue() - 1))) != 0;
    }

    /** Whether the window is in force on {@code day} (validity only; the working-day calendar is the caller's). */
    public boolean validOn(LocalDate day) {
        return active && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
