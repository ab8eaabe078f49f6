package app.banhao.live;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.LiveStream;
import app.banhao.api.model.LiveStreamList;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The loaders behind the cached schedule, each stream's page and its state: PostgreSQL is the only copy. */
@ApplicationScoped
public class LiveQueries {

    /** What the state loader answers for a stream that does not exist (cached too: unknown ids cost no query). */
    static final String NONE = "NONE";

    private final LiveSessionRepository streams;
    private final LiveViews views;

    public LiveQueries(LiveSessionRepository streams, LiveViews views) {
        this.streams = streams;
        this.views = views;
    }

    /** Live ones first (earliest started first), then the next upcoming, then the latest replays. */
    @WithSession
    public Uni<LiveStreamList> schedule() {
        List<LiveSession> rows = new ArrayList<>();
        return streams.inState(LiveSession.State.LIVE, "startedAt, id", LiveSessionRepository.SCHEDULE_PART).invoke(rows::addAll)
                .chain(() -> streams.inState(LiveSession.State.SCHEDULED, "startsAt, id", LiveSessionRepository.SCHEDULE_PART))
                .invoke(rows::addAll)
                .chain(() -> streams.inState(LiveSession.State.ENDED, "endedAt desc, id", LiveSessionRepository.SCHEDULE_PART))
                .invoke(rows::addAll)
                .chain(() -> views.views(rows)).map(items -> new LiveStreamList().items(items));
    }

    /** The stream, or null. */
    @WithSession
    public Uni<LiveStream> stream(UUID id) {
        return streams.findById(id).chain(s -> s == null ? Uni.createFrom().nullItem() : views.view(s));
    }

    /** The stream's state, or {@link #NONE}. */
    @WithSession
    public Uni<String> state(UUID id) {
        return streams.findById(id).map(s -> s == null ? NONE : s.state.name());
    }
}
