package app.banhao.live;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import app.banhao.api.model.LiveQuestion;
import app.banhao.api.model.LiveQuestionPage;
import app.banhao.api.model.LiveQuestionState;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The department's moderation of its streams' questions: publish, hide with a reason, answer; each audited. A
 * question of another department's stream is 404, as if it did not exist.
 */
@ApplicationScoped
public class Moderation {

    private final LiveSessionRepository streams;
    private final QuestionRepository questions;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public Moderation(LiveSessionRepository streams, QuestionRepository questions, AuditTrail audit, BusinessClock clock) {
        this.streams = streams;
        this.questions = questions;
        this.audit = audit;
        this.clock = clock;
    }

    @WithSession
    public Uni<LiveQuestionPage> queue(String department, UUID streamId, LiveQuestionState state, PageRequest page) {
        return streams.find("id = ?1 and departmentCode = ?2", streamId, department).firstResult().chain(s -> {
            if (s == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return questions.ofStream(streamId, state == null ? null : Question.State.valueOf(state.name()), page);
        }).map(rows -> {
            Page<Question> p = Page.from(rows, page, q -> new PageRequest.Cursor(q.askedAt.toString(), q.id.toString()));
            return new LiveQuestionPage().items(p.items().stream().map(LiveMapper::forStaff).toList()).nextCursor(p.nextCursor());
        });
    }

    @WithTransaction
    public Uni<LiveQuestion> publish(String department, UUID staffId, UUID questionId) {
        return moderated(department, questionId).chain(q -> {
            q.state = Question.State.PUBLISHED;
            q.hideReason = null;
            return done(q, staffId, "live.question.publish", Map.of());
        });
    }

    @WithTransaction
    public Uni<LiveQuestion> hide(String department, UUID staffId, UUID questionId, String reason) {
        return moderated(department, questionId).chain(q -> {
            q.state = Question.State.HIDDEN;
            q.hideReason = reason.strip();
            return done(q, staffId, "live.question.hide", Map.of("reason", q.hideReason));
        });
    }

    /** Answering publishes: the answer is meant for everyone. A hidden question is not answered (409). */
    @WithTransaction
    public Uni<LiveQuestion> answer(String department, UUID staffId, UUID questionId, String text) {
        return moderated(department, questionId).chain(q -> {
            if (q.state == Question.State.HIDDEN) {
                throw ApiException.of(LiveErrors.LIVE_QUESTION_HIDDEN);
            }
            q.state = Question.State.PUBLISHED;
            q.answer = text.strip();
            q.answeredAt = clock.now();
            q.answeredBy = staffId;
            return done(q, staffId, "live.question.answer", Map.of());
        });
    }

    private Uni<Question> moderated(String department, UUID questionId) {
        return questions.findById(questionId, LockModeType.PESSIMISTIC_WRITE).map(q -> {
            if (q == null || !q.departmentCode.equals(department)) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return q;
        });
    }

    private Uni<LiveQuestion> done(Question q, UUID staffId, String action, Map<String, Object> details) {
        q.moderatedAt = clock.now();
        q.moderatedBy = staffId;
        AuditEvent event = AuditEvent.of(action).target("live-question", q.id.toString());
        return audit.record(details.isEmpty() ? event : event.details(details)).map(ignored -> LiveMapper.forStaff(q));
    }
}
