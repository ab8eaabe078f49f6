package app.banhao.platform.idempotency;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One {@code Idempotency-Key} of one caller and operation, with the answer a retry gets. {@link Idempotency}
 * writes it with plain SQL (an insert that must not fail on a duplicate) and reads it back as an entity.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @EmbeddedId
    public Key id;

    @Column(name = "request_hash", nullable = false)
    public byte[] requestHash;

    /** The answer as JSON sealed with SM4-GCM; null while the first request runs, and for ever when withheld. */
    public byte[] response;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Embeddable
    public static class Key implements Serializable {
        public String scope;

        @Column(name = "idem_key")
        public String idemKey;

        static Key of(String scope, String idemKey) {
            Key key = new Key();
            key.scope = scope;
            key.idemKey = idemKey;
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(idemKey, k.idemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, idemKey);
        }
    }
}
