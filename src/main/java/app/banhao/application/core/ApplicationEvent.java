package app.banhao.application.core;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of an application's timeline: who did what when, with the state change and a note. */
@Entity
@Table(name = "application_event")
public class ApplicationEvent {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** RESIDENT, STAFF or SYSTEM. */
    @Column(name = "actor_kind", nullable = false)
    public String actorKind;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_display", nullable = false)
    public String actorDisplay;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ApplicationStatus fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ApplicationStatus toState;

    @Column(nullable = false)
    public String type;

    public String note;
}
