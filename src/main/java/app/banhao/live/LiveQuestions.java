package app.banhao.live;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import app.banhao.api.model.LiveQuestion;
import app.banhao.api.model.LiveQuestionPage;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Residents' side of the Q&A (互动问答): asking (length-capped by the contract, rate-limited here), the list each
 * caller may see (published ones, plus one's own in whatever state), and one vote per resident per question.
 */
@ApplicationScoped
public class LiveQuestions {

    /** 5 questions a minute per resident: enough to converse, too few to flood the moderators' queue. */
    static final RateLimiter.Limit ASKING = new RateLimiter.Limit("live-question", 5, Duration.ofMinutes(1));

    private final LiveSessionRepository streams;
    private final QuestionRepository questions;
    private final RateLimiter limits;
    private final Idempotency idempotency;
    private final BusinessClock clock;

    public LiveQuestions(LiveSessionRepository streams, QuestionRepository questions, RateLimiter limits,
            Idempotency idempotency, BusinessClock clock) {
        this.streams = streams;
        this.questions = questions;
        this.limits = limits;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Counts against the resident's limit before any work (and any transaction): of a burst, no more than the limit pass. */
    public Uni<Void> countQuestion(UUID residentId) {
        return limits.hit(ASKING, residentId.toString());
    }

    /** The caller counted it first ({@link #countQuestion}). */
    @WithTransaction
    public Uni<LiveQuestion> ask(UUID streamId, UUID residentId, String text, String idempotencyKey) {
        return idempotency.once("resident:" + residentId + ":askLiveQuestion:" + streamId, idempotencyKey, text,
                LiveQuestion.class, () -> streams.findById(streamId).chain(s -> {
                    if (s == null) {
                        throw ApiException.of(ErrorCode.NOT_FOUND);
                    }
                    if (s.state == LiveSession.State.ENDED) {
                        throw ApiException.of(LiveErrors.LIVE_STREAM_ENDED);
                    }
                    Question q = new Question();
                    q.id = UUID.randomUUID();
                    q.streamId = streamId;
                    q.departmentCode = s.departmentCode;
                    q.residentId = residentId;
                    q.text = text.strip();
                    q.state = Question.State.PENDING;
                    q.askedAt = clock.now();
                    return questions.persist(q).map(saved -> LiveMapper.forResident(saved, residentId, false));
                }));
    }

    /** What {@code viewer} (null when nobody is logged in) may see, most votes first. */
    @WithSession
    public Uni<LiveQuestionPage> list(UUID streamId, UUID viewer, PageRequest page) {
        return streams.findById(streamId).chain(s -> {
            if (s == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return questions.visible(streamId, viewer, page);
        }).chain(rows -> {
            Page<Question> p = Page.from(rows, page, QuestionRepository::rankCursor);
            return questions.votedBy(viewer, p.items().stream().map(q -> q.id).toList()).map(voted -> {
                Set<UUID> mine = new HashSet<>(voted);
                List<LiveQuestion> items = p.items().stream()
                        .map(q -> LiveMapper.forResident(q, viewer, mine.contains(q.id))).toList();
                return new LiveQuestionPage().items(items).nextCursor(p.nextCursor());
            });
        });
    }

    /**
     * One vote per resident: the vote's primary key decides, and the count moves under the question's row lock only
     * when the vote is new. Only a published question of this stream can be voted for; anything else is 404.
     */
    @WithTransaction
    public Uni<LiveQuestion> vote(UUID streamId, UUID questionId, UUID residentId) {
        return questions.findById(questionId, LockModeType.PESSIMISTIC_WRITE).chain(q -> {
            if (q == null || !q.streamId.equals(streamId) || q.state != Question.State.PUBLISHED) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return questions.vote(questionId, residentId, clock.now()).map(isNew -> {
                if (isNew) {
                    q.votes++;
                }
                return LiveMapper.forResident(q, residentId, true);
            });
        });
    }
}
