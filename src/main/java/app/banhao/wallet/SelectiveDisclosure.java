package app.banhao.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A certificate's selective-disclosure signature (SD-JWT idea): its issuer's SM2 signature over the RFC 8785 form of
 * {@link #document}, which lists a salted SM3 digest per disclosable field beside the record's public metadata. The
 * salts and values ({@link #disclosuresEnc}) are personal data, SM4-GCM encrypted. See {@link SelectiveDisclosures}.
 */
@Entity
@Table(name = "wallet_certificate_disclosure")
public class SelectiveDisclosure {

    @Id
    @Column(name = "certificate_id")
    public UUID certificateId;

    /** The signed document, as RFC 8785 canonical JSON. */
    @Column(nullable = false)
    public String document;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public byte[] signature;

    /** JSON object label → [salt, label, value], encrypted. */
    @Column(name = "disclosures_enc", nullable = false)
    public byte[] disclosuresEnc;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
