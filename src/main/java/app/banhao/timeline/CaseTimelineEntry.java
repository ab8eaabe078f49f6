package app.banhao.timeline;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.banhao.platform.events.CaseTimelineFact;

/** One line of a case's timeline, as stored: its kind and the arguments of its text, never the text itself. */
@Entity
@Table(name = "case_timeline_entry")
public class CaseTimelineEntry {

    /** Where a staff note comes from (its {@link #source}). */
    public static final String STAFF_NOTE_SOURCE = "staff-note";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_no", nullable = false)
    public String applicationNo;

    @Column(nullable = false)
    public String source;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false)
    public CaseTimelineFact.ActorKind actorKind;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_display", nullable = false)
    public String actorDisplay;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state")
    public String toState;

    public String note;

    /** The text's arguments: {@code {"args": ["…", …]}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String params;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseTimelineFact.Visibility visibility;
}
