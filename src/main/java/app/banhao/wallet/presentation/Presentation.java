package app.banhao.wallet.presentation;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A presentation (亮证) of a certificate: which fields its holder chose to show, until when, once or many times. Its
 * token is not kept (it carries the disclosed values), only the token's digest, by which the server recognises it.
 * Uses and revocation change it by conditional updates only ({@link PresentationRepository}), never by writing the
 * loaded entity back, so concurrent verifications count right.
 */
@Entity
@Table(name = "wallet_presentation")
public class Presentation {

    @Id
    public UUID id;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(name = "certificate_id", nullable = false)
    public UUID certificateId;

    @Column(name = "certificate_name", nullable = false)
    public String certificateName;

    /** JSON array of the disclosed labels. */
    @Column(nullable = false)
    public String fields;

    @Column(name = "single_use", nullable = false)
    public boolean singleUse;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    @Column(nullable = false)
    public int uses;

    /** SHA-256 of the token as issued ({@link PresentationToken#digest(String)}); null for one made before it was kept. */
    @Column(name = "token_digest")
    public byte[] tokenDigest;
}
