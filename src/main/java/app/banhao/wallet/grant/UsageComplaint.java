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

/** A resident's complaint about a line of their usage ledger they do not recognise; the line itself never changes. */
@Entity
@Table(name = "wallet_usage_complaint")
public class UsageComplaint {

    public enum State {
        OPEN, CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "usage_id", nullable = false)
    public UUID usageId;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "close_note")
    public String closeNote;

    @Version
    public int version;
}
