package app.banhao.resident;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A resident (居民/企业办事人). Phone, name and ID number are stored SM4-GCM encrypted; phone and ID
 * number also as HMAC-SM3 blind indexes, unique, for lookup. Decrypt through {@code DataProtection}.
 */
@Entity
@Table(name = "resident")
public class Resident {

    public enum Level {
        L0, L1, L2, L3;

        public boolean atLeast(Level wanted) {
            return ordinal() >= wanted.ordinal();
        }
    }

    @Id
    public UUID id;

    @Column(name = "phone_enc", nullable = false)
    public byte[] phoneEnc;

    @Column(name = "phone_idx", nullable = false, unique = true)
    public byte[] phoneIdx;

    @Column(name = "name_enc")
    public byte[] nameEnc;

    @Column(name = "id_number_enc")
    public byte[] idNumberEnc;

    @Column(name = "id_number_idx", unique = true)
    public byte[] idNumberIdx;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Level level;

    public String nickname;

    @Column(nullable = false)
    public String language;

    /** 适老化 large-type mode in the resident's apps: bigger type and touch targets, plain wording. */
    @Column(name = "large_text", nullable = false)
    public boolean largeText;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
