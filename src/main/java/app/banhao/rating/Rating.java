package app.banhao.rating;

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
 * One rating of one thing by its resident (一事一评), with the department's appeal against it (申诉复核) and its
 * outcome: an upheld appeal sets {@link #counted} false and keeps everything else.
 */
@Entity
@Table(name = "rating")
public class Rating extends RatedThing {

    public enum AppealState {
        PENDING, UPHELD, REJECTED
    }

    @Id
    public UUID id;

    @Column(name = "invitation_id", nullable = false)
    public UUID invitationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Column(nullable = false)
    public boolean bad;

    @Enumerated(EnumType.STRING)
    public Level efficiency;

    @Enumerated(EnumType.STRING)
    @Column(name = "guide_accuracy")
    public Level guideAccuracy;

    @Enumerated(EnumType.STRING)
    public Level convenience;

    @Enumerated(EnumType.STRING)
    public Level usability;

    /** The 差评 reasons, comma-separated names of {@code BadRatingReason}; null for a good rating. */
    public String reasons;

    public String comment;

    @Column(name = "rated_at", nullable = false)
    public OffsetDateTime ratedAt;

    /** The month of the rating in the province ({@code yyyy-MM}): what the figures group by. */
    @Column(nullable = false)
    public String period;

    @Column(name = "amended_at")
    public OffsetDateTime amendedAt;

    /** The department's last day to appeal, for a 差评. */
    @Column(name = "appeal_by")
    public LocalDate appealBy;

    @Column(nullable = false)
    public boolean counted;

    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_state")
    public AppealState appealState;

    @Column(name = "appeal_reason")
    public String appealReason;

    @Column(name = "appealed_at")
    public OffsetDateTime appealedAt;

    @Column(name = "appealed_by")
    public UUID appealedBy;

    @Column(name = "appeal_decision_reason")
    public String appealDecisionReason;

    @Column(name = "appeal_decided_at")
    public OffsetDateTime appealDecidedAt;

    @Column(name = "appeal_decided_by")
    public UUID appealDecidedBy;

    @Version
    public long version;
}
