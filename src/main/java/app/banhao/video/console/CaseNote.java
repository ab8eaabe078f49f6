package app.banhao.video.console;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agent's note on a video appointment; the text encrypted, the outcome set on the note that finished the session. */
@Entity
@Table(name = "video_case_note")
public class CaseNote {

    @Id
    public UUID id;

    @Column(name = "appointment_id", nullable = false)
    public UUID appointmentId;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "author_staff_id", nullable = false)
    public UUID authorStaffId;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    /** A {@code VideoSessionOutcome} name, on the note written when the session finished. */
    @Column(name = "outcome")
    public String outcome;

    @Column(name = "text_enc", nullable = false)
    public byte[] textEnc;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
