package app.banhao.live;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.common.AffectedEntities;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class QuestionRepository implements PanacheRepositoryBase<Question, UUID> {

    private static final AffectedEntities VOTES = new AffectedEntities(QuestionVote.class);
    /** The primary key decides "one vote": a second one inserts nothing (0 rows), concurrent ones included. */
    private static final String VOTE = "INSERT INTO live_question_vote (question_id, resident_id, voted_at)"
            + " VALUES (:question, :resident, :at) ON CONFLICT DO NOTHING";

    /**
     * What {@code viewer} (null: nobody logged in) may see of a stream's questions: the published ones and their own,
     * most votes first, then oldest first.
     */
    public Uni<List<Question>> visible(UUID streamId, UUID viewer, PageRequest page) {
        Parameters p = Parameters.with("stream", streamId).and("published", Question.State.PUBLISHED);
        String who = viewer == null ? "state = :published" : "(state = :published or residentId = :viewer)";
        if (viewer != null) {
            p.and("viewer", viewer);
        }
        String after = "";
        if (page.position(c -> {
            String[] key = c.key().split("\\|", 2);
            return p.and("votes", Integer.parseInt(key[0])).and("at", OffsetDateTime.parse(key[1])).and("id", UUID.fromString(c.id()));
        }).isPresent()) {
            after = " and (votes < :votes or (votes = :votes and (askedAt > :at or (askedAt = :at and id > :id))))";
        }
        return find("streamId = :stream and " + who + after + " order by votes desc, askedAt, id", p)
                .range(0, page.fetchSize() - 1).list();
    }

    static PageRequest.Cursor rankCursor(Question q) {
        return new PageRequest.Cursor(q.votes + "|" + q.askedAt, q.id.toString());
    }

    /** The moderation queue: a stream's questions (in {@code state} when given), oldest first. */
    public Uni<List<Question>> ofStream(UUID streamId, Question.State state, PageRequest page) {
        Parameters p = Parameters.with("stream", streamId);
        String q = "streamId = :stream";
        if (state != null) {
            q += " and state = :state";
            p.and("state", state);
        }
        if (page.timeAndId().map(after -> p.and("at", after.at()).and("id", after.id())).isPresent()) {
            q += " and (askedAt, id) > (:at, :id)";
        }
        return find(q + " order by askedAt, id", p).range(0, page.fetchSize() - 1).list();
    }

    /** Which of {@code questions} {@code resident} voted for. */
    public Uni<List<UUID>> votedBy(UUID resident, List<UUID> questions) {
        if (resident == null || questions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select questionId from QuestionVote where residentId = :resident and questionId in :questions", UUID.class)
                .setParameter("resident", resident).setParameter("questions", questions).getResultList());
    }

    /** Records the vote; true when it is new (the caller then counts it). */
    public Uni<Boolean> vote(UUID question, UUID resident, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(VOTE, VOTES).setParameter("question", question)
                .setParameter("resident", resident).setParameter("at", at).executeUpdate()).map(rows -> rows == 1);
    }

    public Uni<Void> countVote(UUID question) {
        return update("votes = votes + 1 where id = ?1", question).replaceWithVoid();
    }
}
