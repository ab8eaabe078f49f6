package app.banhao.rating.stats;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The public figures of a closed month as first published after it closed (one row per ranking or department). */
@Entity
@Table(name = "rating_month_figures")
public class MonthFigures {

    @Embeddable
    public record Key(@Column(name = "period") String period, @Column(name = "scope") String scope) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    /** The figures' JSON, as the public API answers it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String figures;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
