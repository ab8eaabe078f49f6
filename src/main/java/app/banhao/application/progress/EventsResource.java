package app.banhao.application.progress;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import app.banhao.api.EventsApi;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Multi;

/** /api/v1/me/events: the caller's live progress as server-sent events. */
@RolesAllowed(TokenClaims.RESIDENT)
public class EventsResource implements EventsApi {

    private final LiveProgress live;
    private final CurrentActor actor;

    @Context
    Sse sse;

    public EventsResource(LiveProgress live, CurrentActor actor) {
        this.live = live;
        this.actor = actor;
    }

    @Override
    public Multi<OutboundSseEvent> streamMyEvents() {
        // A stream lives no longer than the token and session that opened it.
        return live.stream(actor.uuid(), java.util.UUID.fromString(actor.sessionId().orElseThrow()), actor.expiresAt(), sse);
    }
}
