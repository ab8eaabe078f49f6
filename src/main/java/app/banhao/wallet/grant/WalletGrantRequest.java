package app.banhao.wallet.grant;

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
 * A relying party's request to use a resident's certificate (授权用证申请). Holder and certificate stay null when nobody
 * holds such a certificate: the request then expires unanswered like any other, so the party learns nothing.
 */
@Entity
@Table(name = "wallet_grant_request")
public class WalletGrantRequest {

    /** As stored; EXPIRED is a PENDING request past {@link #answerBy}, worked out when read. */
    public enum State {
        PENDING, APPROVED, REFUSED, EXPIRED
    }

    @Id
    public UUID id;

    @Column(name = "party_id", nullable = false)
    public UUID partyId;

    @Column(name = "holder_id")
    public UUID holderId;

    @Column(name = "certificate_id")
    public UUID certificateId;

    @Column(name = "certificate_type", nullable = false)
    public String certificateType;

    @Column(name = "certificate_name")
    public String certificateName;

    @Column(nullable = false)
    public String purpose;

    /** JSON array of the field labels asked for. */
    @Column(nullable = false)
    public String fields;

    @Column(nullable = false)
    public int days;

    @Column(name = "max_uses", nullable = false)
    public int maxUses;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "answer_by", nullable = false)
    public OffsetDateTime answerBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    /** The state as of {@code now}: a pending request past its answer time has expired. */
    public State stateAt(OffsetDateTime now) {
        return state == State.PENDING && !answerBy.isAfter(now) ? State.EXPIRED : state;
    }
}
