package app.banhao.live;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A resident's subscription to a stream; {@code notifiedAt} is set with the one message it gets when the stream goes live. */
@Entity
@Table(name = "live_subscription")
@IdClass(Subscriber.Key.class)
public class Subscriber {

    public record Key(UUID streamId, UUID residentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "stream_id")
    public UUID streamId;

    @Id
    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "subscribed_at", nullable = false)
    public OffsetDateTime subscribedAt;

    @Column(name = "notified_at")
    public OffsetDateTime notifiedAt;
}
