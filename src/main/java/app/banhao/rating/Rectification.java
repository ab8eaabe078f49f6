package app.banhao.rating;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 差评整改: opened by a bad rating, due on a working day, fixed, followed up (回访) and rated by the resident. */
@Entity
@Table(name = "rating_rectification")
public class Rectification {

    public enum State {
        OPEN, FIXED, CLOSED, WITHDRAWN
    }

    @Id
    public UUID id;

    @Column(name = "rating_id", nullable = false)
    public UUID ratingId;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "item_code")
    public String itemCode;

    /** The rating's month: the figures count a rectification in the month of the rating it answers. */
    @Column(nullable = false)
    public String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "overdue_flagged_at")
    public OffsetDateTime overdueFlaggedAt;

    public String fix;

    @Column(name = "fixed_at")
    public OffsetDateTime fixedAt;

    @Column(name = "fixed_on_time")
    public Boolean fixedOnTime;

    /** Calendar days from opening to the fix, for the average the figures publish. */
    @Column(name = "fix_days")
    public Double fixDays;

    @Column(name = "fixed_by")
    public UUID fixedBy;

    @Column(name = "follow_up_channel")
    public String followUpChannel;

    @Column(name = "follow_up_at")
    public OffsetDateTime followUpAt;

    @Column(name = "follow_up_result")
    public String followUpResult;

    /** SATISFIED, BASICALLY_SATISFIED or DISSATISFIED: the resident on the fix. */
    public String verdict;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Version
    public long version;
}
