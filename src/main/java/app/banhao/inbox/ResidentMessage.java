package app.banhao.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.CaseEvent;

/**
 * A message in a resident's inbox about a state change of one of their applications. Stored as facts
 * (state, item, note), worded in the reader's language when read.
 */
@Entity
@Table(name = "resident_message")
public class ResidentMessage {

    @Id
    public UUID id;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "application_no")
    public String applicationNo;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus state;

    @Column(name = "item_name")
    public String itemName;

    public String note;

    /** What a message not about a state change is about (e.g. MATERIAL_OVERDUE); null for a state change. */
    public String topic;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    /** The message a case event leaves in its resident's inbox. */
    static ResidentMessage about(CaseEvent e) {
        ResidentMessage message = new ResidentMessage();
        message.id = java.util.UUID.randomUUID();
        message.residentId = e.residentId();
        message.applicationId = e.applicationId();
        message.applicationNo = e.applicationNo();
        message.state = e.toState();
        message.itemName = e.itemName();
        message.topic = e.topic();
        message.note = e.note();
        message.createdAt = e.at();
        return message;
    }

    /** A notice naming who ({@code who}, kept as the item name) and what ({@code what}, kept as the note). */
    static ResidentMessage notice(UUID residentId, String topic, OffsetDateTime at, String who, String what) {
        ResidentMessage message = notice(residentId, topic, at);
        message.itemName = who;
        message.note = what;
        return message;
    }

    /** The message a feature's {@link app.banhao.platform.events.ResidentNoticeFact} leaves. */
    static ResidentMessage notice(app.banhao.platform.events.ResidentNoticeFact.Notice n) {
        ResidentMessage message = notice(n.residentId(), n.topic(), n.at());
        message.applicationNo = n.applicationNo();
        message.itemName = n.itemName();
        message.note = n.note();
        return message;
    }

    /** A message to {@code residentId} about {@code topic}, not about any application. */
    static ResidentMessage notice(UUID residentId, String topic, OffsetDateTime at) {
        ResidentMessage message = new ResidentMessage();
        message.id = UUID.randomUUID();
        message.residentId = residentId;
        message.topic = topic;
        message.createdAt = at;
        return message;
    }
}
