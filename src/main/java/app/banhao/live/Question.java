package app.banhao.live;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resident's question to a stream's department (互动问答), moderated before others see it. */
@Entity
@Table(name = "live_question")
public class Question {

    public enum State {
        PENDING, PUBLISHED, HIDDEN
    }

    @Id
    public UUID id;

    @Column(name = "stream_id", nullable = false)
    public UUID streamId;

    /** The stream's department, kept here so a moderator's department is checked without loading the stream. */
    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "hide_reason")
    public String hideReason;

    @Column(nullable = false)
    public int votes;

    public String answer;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "answered_by")
    public UUID answeredBy;

    @Column(name = "moderated_at")
    public OffsetDateTime moderatedAt;

    @Column(name = "moderated_by")
    public UUID moderatedBy;

    @Column(name = "asked_at", nullable = false)
    public OffsetDateTime askedAt;
}
