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

/** A relying party (用证方): a department, bank or hospital that may ask residents to lend a certificate. */
@Entity
@Table(name = "wallet_relying_party")
public class RelyingParty {

    public enum Kind {
        DEPARTMENT, BANK, HOSPITAL, OTHER
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String contact;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** SHA-256 of the client secret; the secret itself is shown once and never stored. */
    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;
}
