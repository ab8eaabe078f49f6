package app.banhao.rating;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something finished that its resident may rate once, until {@link #rateBy}. */
@Entity
@Table(name = "rating_invitation")
public class RatingInvitation extends RatedThing {

    @Id
    public UUID id;

    @Column(name = "finished_at", nullable = false)
    public OffsetDateTime finishedAt;

    @Column(name = "rate_by", nullable = false)
    public OffsetDateTime rateBy;

    @Column(nullable = false)
    public boolean rated;
}
