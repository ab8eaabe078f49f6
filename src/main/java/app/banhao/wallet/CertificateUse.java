package app.banhao.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the usage ledger (用证记录): who used which certificate's data, when, why, which fields. Append-only. */
@Entity
@Table(name = "wallet_certificate_use")
public class CertificateUse {

    public enum Channel {
        /** Referenced as a material of an application: its department reads it. */
        MATERIAL,
        /** Its status changed by the issuing department, which saw the (masked) record. */
        STAFF_STATUS,
        /** Read by a relying party through a grant the holder gave. */
        GRANT,
        /** A presentation of it (亮证) verified: the verifier read the fields the holder chose. */
        PRESENTATION,
        /** Seen masked by an agent of a department during a video session (远程视频帮办); the appointment is the reference. */
        VIDEO_ASSIST
    }

    @Id
    public UUID id;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(name = "certificate_id", nullable = false)
    public UUID certificateId;

    @Column(name = "certificate_name", nullable = false)
    public String certificateName;

    @Column(name = "party_kind", nullable = false)
    public String partyKind;

    @Column(name = "party_code", nullable = false)
    public String partyCode;

    @Column(nullable = false)
    public String purpose;

    /** JSON array of the field labels it could read. */
    @Column(nullable = false)
    public String fields;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    public String reference;

    /** The party's name (relying parties; departments are named by code). */
    @Column(name = "party_name")
    public String partyName;

    /** The grant a relying party read it through. */
    @Column(name = "grant_id")
    public UUID grantId;

    @Column(nullable = false)
    public OffsetDateTime at;
}
