package app.banhao.wallet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An e-certificate (电子证照) in its holder's wallet, with the GB/T 36903 record fields. Personal data — the number,
 * holder name and code, the type's own fields and the signed document that repeats them — is SM4-GCM encrypted
 * ({@code *_enc}, through {@code DataProtection}).
 */
@Entity
@Table(name = "wallet_certificate")
public class Certificate {

    public enum Status {
        VALID, SUSPENDED, REVOKED, EXPIRED
    }

    public enum Source {
        ISSUED, IMPORTED
    }

    /** 持证主体代码类型, GB/T 36903 附录A. */
    public static final String CITIZEN_ID = "111";
    public static final String CREDIT_CODE = "001";

    @Id
    public UUID id;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(name = "type_code", nullable = false)
    public String typeCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "number_enc", nullable = false)
    public byte[] numberEnc;

    @Column(nullable = false)
    public String identifier;

    @Column(name = "holder_name_enc", nullable = false)
    public byte[] holderNameEnc;

    @Column(name = "holder_code_enc", nullable = false)
    public byte[] holderCodeEnc;

    @Column(name = "holder_code_type", nullable = false)
    public String holderCodeType;

    @Column(name = "issuer_department", nullable = false)
    public String issuerDepartment;

    @Column(name = "issuer_name", nullable = false)
    public String issuerName;

    @Column(name = "issuer_code", nullable = false)
    public String issuerCode;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "long_term", nullable = false)
    public boolean longTerm;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "fields_enc", nullable = false)
    public byte[] fieldsEnc;

    @Column(name = "trust_level", nullable = false)
    public String trustLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @Column(name = "status_list_index", nullable = false)
    public long statusListIndex;

    @Column(name = "signed_document_enc", nullable = false)
    public byte[] signedDocumentEnc;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public byte[] signature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "source_ref", nullable = false)
    public String sourceRef;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** When the holder was told it expires soon ({@link ExpiryNotices}); null until then. */
    @Column(name = "expiry_noticed_at")
    public OffsetDateTime expiryNoticedAt;

    @Version
    public int version;

    /** The status as of {@code today}: a valid certificate past its last day is expired, whatever the row says. */
    public Status statusOn(LocalDate today) {
        return statusOn(status, validTo, today);
    }

    /** The status as of {@code today} of a certificate whose row says {@code status} and {@code validTo}. */
    public static Status statusOn(Status status, LocalDate validTo, LocalDate today) {
        return status == Status.VALID && validTo != null && validTo.isBefore(today) ? Status.EXPIRED : status;
    }
}
