package app.banhao.live;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One resident's vote for one question: the primary key keeps it to one. */
@Entity
@Table(name = "live_question_vote")
@IdClass(QuestionVote.Key.class)
public class QuestionVote {

    public record Key(UUID questionId, UUID residentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "question_id")
    public UUID questionId;

    @Id
    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "voted_at", nullable = false)
    public OffsetDateTime votedAt;
}
