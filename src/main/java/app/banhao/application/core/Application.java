package app.banhao.application.core;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;


/**
 * An application (办件) of one resident for one service item. A bundle (一件事) is a parent application with
 * one child per item ({@link #parentId}); every child is an ordinary application routed to its department.
 *
 * <p>{@link #version} is raised by hand on every change, under the row lock every write takes
 * ({@code SELECT ... FOR UPDATE}), so the version an answer shows is the one {@code If-Match} must name.
 */
@Entity
@Table(name = "application")
public class Application {

    @Id
    public UUID id;

    @Column(name = "application_no", nullable = false, unique = true)
    public String applicationNo;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    /** Null on a bundle's parent, which has no item (nor department) of its own. */
    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "item_name", nullable = false)
    public String itemName;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "bundle_code")
    public String bundleCode;

    @Column(name = "department_code")
    public String departmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus state;

    /** The form as JSON text (an object). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "form_data", nullable = false, columnDefinition = "jsonb")
    public String formData;

    @Column(name = "commitment_text_version")
    public String commitmentTextVersion;

    @Column(name = "commitment_signed_at")
    public OffsetDateTime commitmentSignedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** The day the clock stopped (补正, 特别程序); null while it runs. */
    @Column(name = "clock_stopped_on")
    public LocalDate clockStoppedOn;

    @Column(name = "stopped_working_days", nullable = false)
    public int stoppedWorkingDays;

    /** Where a supplement answer returns the case to. */
    @Enumerated(EnumType.STRING)
    @Column(name = "resume_state")
    public ApplicationStatus resumeState;

    /** JSON array of what the reviewer said is missing. */
    @Column(name = "supplement_missing")
    public String supplementMissing;

    @Column(name = "supplement_note")
    public String supplementNote;

    @Column(name = "supplement_deadline")
    public LocalDate supplementDeadline;

    @Column(name = "supplement_requested_at")
    public OffsetDateTime supplementRequestedAt;

    /** The 秒批 check made at submission, as JSON text ({@code InstantReview}); null when none was made. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "instant_review", columnDefinition = "jsonb")
    public String instantReview;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** Working days from submission to decision, net of clock stops (set when decided; the prediction's history). */
    @Column(name = "decision_working_days")
    public Integer decisionWorkingDays;

    /** When the resident was told the case will likely be late ({@code progress.LateWarnings}); at most once per case. */
    @Column(name = "late_warning_sent_at")
    public OffsetDateTime lateWarningSentAt;

    /** The public lookup's secret, on the receipt and shown to the owner ({@link QueryCodes}). */
    @Column(name = "query_code", nullable = false)
    public String queryCode;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "filed_by_staff_id")
    public UUID filedByStaffId;

    /** The agent who filed it for the resident (帮代办), as the application shows them. */
    @Column(name = "filed_by_staff_name")
    public String filedByStaffName;

    /** An agent prepared this draft and asked the resident to confirm its submission (帮代办). */
    @Column(name = "proxy_confirmation_requested_at")
    public OffsetDateTime proxyConfirmationRequestedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(nullable = false)
    public long version;

    /** 容缺: some tolerated material was flagged as not supplied by its deadline (read only, from the materials). */
    @org.hibernate.annotations.Formula("(exists (select 1 from application_material m where m.application_id = id"
            + " and m.kind = 'TOLERATED' and m.overdue_flagged_at is not null))")
    public boolean materialsOverdue;
}
