package app.banhao.wallet;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An issuing department's SM2 key: the public half published, the private half SM4-GCM encrypted. */
@Entity
@Table(name = "wallet_issuer_key")
public class IssuerKey {

    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    /** The issuing authority as its first certificate named it. */
    @Column(name = "issuer_name", nullable = false)
    public String issuerName;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "private_key_enc", nullable = false)
    public byte[] privateKeyEnc;

    @Column(name = "valid_from", nullable = false)
    public OffsetDateTime validFrom;

    /** When it was rotated out; null while it signs. */
    @Column(name = "valid_to")
    public OffsetDateTime validTo;
}
