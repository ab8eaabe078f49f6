package app.banhao.platform.events;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** What one consumer still owes, did or gave up on for one event. */
@Entity
@Table(name = "outbox_delivery")
public class OutboxDelivery {

    public enum State {
        PENDING, DONE, DEAD
    }

    @EmbeddedId
    public Key id;

    @Column(name = "event_seq", nullable = false, updatable = false)
    public long eventSeq;

    @Column(name = "aggregate_key", nullable = false, updatable = false)
    public String aggregateKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "event_id")
        public UUID eventId;

        public String consumer;

        public static Key of(UUID eventId, String consumer) {
            Key key = new Key();
            key.eventId = eventId;
            key.consumer = consumer;
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(eventId, k.eventId) && Objects.equals(consumer, k.consumer);
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, consumer);
        }
    }
}
