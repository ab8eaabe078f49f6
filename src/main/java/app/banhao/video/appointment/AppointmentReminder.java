package app.banhao.video.appointment;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A reminder sent for an appointment: its key (appointment, kind) makes a second one of the same kind impossible. */
@Entity
@Table(name = "video_appointment_reminder")
@IdClass(AppointmentReminder.Key.class)
public class AppointmentReminder {

    /** The reminders a booked appointment gets. */
    public enum Kind {
        DAY_BEFORE, SOON
    }

    @Id
    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Id
    public String kind;

    @Column(name = "sent_at", nullable = false)
    public OffsetDateTime sentAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID appointmentId;
        public String kind;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(appointmentId, k.appointmentId) && Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(appointmentId, kind);
        }
    }
}
