package app.banhao.live;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.StaffLiveApi;
import app.banhao.api.model.LiveAnswerInput;
import app.banhao.api.model.LiveQuestion;
import app.banhao.api.model.LiveQuestionHideInput;
import app.banhao.api.model.LiveQuestionPage;
import app.banhao.api.model.LiveQuestionState;
import app.banhao.api.model.LiveStream;
import app.banhao.api.model.LiveStreamEndInput;
import app.banhao.api.model.LiveStreamInput;
import app.banhao.api.model.LiveStreamPage;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/**
 * /api/v1/staff/live: any staff role, for the caller's own department only (the token's {@code dept}); another
 * department's stream or question is 404. A stream's change commits, then the live and home caches are bumped.
 */
@RolesAllowed({ TokenClaims.AGENT, TokenClaims.REVIEWER, TokenClaims.ADMIN })
public class StaffLiveResource implements StaffLiveApi {

    private final LiveStreamService streams;
    private final Moderation moderation;
    private final LiveCache cache;
    private final CurrentActor actor;

    public StaffLiveResource(LiveStreamService streams, Moderation moderation, LiveCache cache, CurrentActor actor) {
        this.streams = streams;
        this.moderation = moderation;
        this.cache = cache;
        this.actor = actor;
    }

    @Override
    @SuccessStatus(201)
    public Uni<LiveStream> scheduleLiveStream(LiveStreamInput input, String idempotencyKey) {
        return streams.schedule(department(), actor.uuid(), input, idempotencyKey).call(cache::changed);
    }

    @Override
    public Uni<LiveStreamPage> listStaffLiveStreams(String cursor, Integer limit) {
        return streams.list(department(), PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<LiveStream> startLiveStream(UUID streamId, String ifMatch) {
        return streams.start(department(), streamId, ifMatch).call(cache::changed);
    }

    @Override
    public Uni<LiveStream> endLiveStream(UUID streamId, LiveStreamEndInput input, String ifMatch) {
        return streams.end(department(), streamId, ifMatch, input.getReplayUrl()).call(cache::changed);
    }

    @Override
    public Uni<LiveQuestionPage> listStaffLiveQuestions(UUID streamId, LiveQuestionState state, String cursor, Integer limit) {
        return moderation.queue(department(), streamId, state, PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<LiveQuestion> publishLiveQuestion(UUID questionId) {
        return moderation.publish(department(), actor.uuid(), questionId);
    }

    @Override
    public Uni<LiveQuestion> hideLiveQuestion(UUID questionId, LiveQuestionHideInput input) {
        return moderation.hide(department(), actor.uuid(), questionId, input.getReason());
    }

    @Override
    public Uni<LiveQuestion> answerLiveQuestion(UUID questionId, LiveAnswerInput input) {
        return moderation.answer(department(), actor.uuid(), questionId, input.getText());
    }

    private String department() {
        return actor.requiredDepartment();
    }
}
