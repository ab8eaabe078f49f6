package app.banhao.rating;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message to a department's staff about its ratings (a rectification past its day), worded when read. */
@Entity
@Table(name = "rating_staff_notice")
public class StaffNotice {

    public static final String RECTIFICATION_OVERDUE = "RECTIFICATION_OVERDUE";

    @Id
    public UUID id;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public String topic;

    @Column(name = "rectification_id")
    public UUID rectificationId;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "item_name")
    public String itemName;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
