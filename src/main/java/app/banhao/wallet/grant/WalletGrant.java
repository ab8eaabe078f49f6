package app.banhao.wallet.grant;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A resident's consent (授权): a party may read some fields of one certificate, for a purpose, a number of times, until a time. */
@Entity
@Table(name = "wallet_grant")
public class WalletGrant {

    /** Why a grant cannot be used now; null when it can. */
    public enum Unusable {
        REVOKED, EXPIRED, USED_UP, CERTIFICATE_NOT_VALID
    }

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "party_id", nullable = false)
    public UUID partyId;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(name = "certificate_id", nullable = false)
    public UUID certificateId;

    @Column(name = "certificate_name")
    public String certificateName;

    @Column(nullable = false)
    public String purpose;

    /** JSON array of the granted field labels. */
    @Column(nullable = false)
    public String fields;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "max_uses", nullable = false)
    public int maxUses;

    @Column(nullable = false)
    public int uses;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    /** Why the grant itself is not usable at {@code now} (revoked first: the resident's word counts most), or null. */
    public Unusable unusableAt(OffsetDateTime now) {
        if (revokedAt != null) {
            return Unusable.REVOKED;
        }
        if (!expiresAt.isAfter(now)) {
            return Unusable.EXPIRED;
        }
        return uses >= maxUses ? Unusable.USED_UP : null;
    }
}
