package app.banhao.resident;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A WeChat or Alipay account, linked to the resident whose verified phone it presented. */
@Entity
@Table(name = "resident_channel")
@IdClass(ResidentChannel.Key.class)
public class ResidentChannel {

    @Id
    public String platform;

    @Id
    @Column(name = "open_id")
    public String openId;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "linked_at", nullable = false)
    public OffsetDateTime linkedAt;

    public static class Key implements Serializable {
        public String platform;
        public String openId;

        public Key() {
        }

        public Key(String platform, String openId) {
            this.platform = platform;
            this.openId = openId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(platform, k.platform) && Objects.equals(openId, k.openId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(platform, openId);
        }
    }
}
