package app.banhao.live;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;

import app.banhao.api.LiveApi;
import app.banhao.api.model.LiveHeartbeat;
import app.banhao.api.model.LiveQuestion;
import app.banhao.api.model.LiveQuestionInput;
import app.banhao.api.model.LiveQuestionPage;
import app.banhao.api.model.LiveState;
import app.banhao.api.model.LiveStream;
import app.banhao.api.model.LiveSubscription;
import app.banhao.api.model.LiveViewers;
import app.banhao.platform.cache.HttpCaching;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/**
 * /api/v1/live: the public schedule and streams (cached), heartbeats (Redis only), and residents' subscriptions,
 * questions and votes. Anonymous viewers are counted by the id their player keeps: the streams are public (the CDN
 * serves them to anyone), and counting only logged-in viewers would undercount the audience a department reports.
 */
public class LiveResource implements LiveApi {

    private final LiveCache cache;
    private final ViewerCounts viewers;
    private final Subscriptions subscriptions;
    private final LiveQuestions questions;
    private final CurrentActor actor;

    public LiveResource(LiveCache cache, ViewerCounts viewers, Subscriptions subscriptions, LiveQuestions questions,
            CurrentActor actor) {
        this.cache = cache;
        this.viewers = viewers;
        this.subscriptions = subscriptions;
        this.questions = questions;
        this.actor = actor;
    }

    @Override
    public Uni<Response> listLiveStreams(String ifNoneMatch) {
        return cache.schedule().map(json -> HttpCaching.respond(json, ifNoneMatch));
    }

    /** The cached stream; a live one with its figures read now (left out if Redis cannot say: the page still answers). */
    @Override
    public Uni<LiveStream> getLiveStream(UUID streamId) {
        return cache.stream(streamId).chain(stream -> {
            if (stream == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            if (stream.getState() == LiveState.SCHEDULED) {
                return Uni.createFrom().item(stream.viewers(new LiveViewers().uniqueViewers(0L).concurrentViewers(0L)));
            }
            if (stream.getState() != LiveState.LIVE) {
                return Uni.createFrom().item(stream);
            }
            return viewers.read(streamId).onFailure().recoverWithNull().map(stream::viewers);
        });
    }

    /** No PostgreSQL: the state from the cache (usually this node's near cache), then one Redis script. */
    @Override
    public Uni<LiveViewers> sendLiveHeartbeat(UUID streamId, LiveHeartbeat beat) {
        String viewer;
        if (actor.authenticated()) {
            viewer = "u:" + actor.id();
        } else if (beat.getViewerId() != null) {
            viewer = "a:" + beat.getViewerId();
        } else {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("viewerId", FieldCode.REQUIRED));
        }
        return cache.isLive(streamId).chain(live -> {
            if (live == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            if (!live) {
                throw ApiException.of(LiveErrors.LIVE_STREAM_NOT_LIVE);
            }
            return viewers.beat(streamId, viewer);
        });
    }

    @Override
    @RolesAllowed(TokenClaims.RESIDENT)
    public Uni<LiveSubscription> subscribeLiveStream(UUID streamId) {
        return subscriptions.subscribe(streamId, actor.uuid());
    }

    @Override
    @RolesAllowed(TokenClaims.RESIDENT)
    public Uni<Void> unsubscribeLiveStream(UUID streamId) {
        return subscriptions.unsubscribe(streamId, actor.uuid());
    }

    @Override
    public Uni<LiveQuestionPage> listLiveQuestions(UUID streamId, String cursor, Integer limit) {
        return questions.list(streamId, residentOrNobody(), PageRequest.of(cursor, limit));
    }

    /** A public read: the resident calling, whose own questions show too, or null (nobody, staff, a token not ours). */
    private UUID residentOrNobody() {
        if (!actor.roles().contains(TokenClaims.RESIDENT)) {
            return null;
        }
        try {
            return UUID.fromString(actor.id());
        } catch (IllegalArgumentException notAnAccountId) {
            return null;
        }
    }

    @Override
    @RolesAllowed(TokenClaims.RESIDENT)
    @SuccessStatus(201)
    public Uni<LiveQuestion> askLiveQuestion(UUID streamId, LiveQuestionInput input, String idempotencyKey) {
        UUID resident = actor.uuid();
        return questions.countQuestion(resident).chain(() -> questions.ask(streamId, resident, input.getText(), idempotencyKey));
    }

    @Override
    @RolesAllowed(TokenClaims.RESIDENT)
    public Uni<LiveQuestion> voteLiveQuestion(UUID streamId, UUID questionId) {
        return questions.vote(streamId, questionId, actor.uuid());
    }
}
