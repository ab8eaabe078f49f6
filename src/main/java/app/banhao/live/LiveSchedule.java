package app.banhao.live;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.HomeLive;
import app.banhao.api.model.LiveSessionBrief;
import io.smallrye.mutiny.Uni;

/**
 * The live feature as other features see it: what the home feed shows (live now, next up). Runs in the caller's
 * session; the caller caches (the home feed is bumped with every change to a stream: {@link LiveCache#changed()}).
 */
@ApplicationScoped
public class LiveSchedule {

    /** How many upcoming streams the home feed shows. */
    static final int NEXT = 3;

    private final LiveSessionRepository streams;
    private final LiveViews views;

    public LiveSchedule(LiveSessionRepository streams, LiveViews views) {
        this.streams = streams;
        this.views = views;
    }

    public Uni<HomeLive> homeLive() {
        HomeLive live = new HomeLive();
        return streams.inState(LiveSession.State.LIVE, "startedAt, id", LiveSessionRepository.SCHEDULE_PART)
                .chain(this::briefs).invoke(live::now)
                .chain(() -> streams.inState(LiveSession.State.SCHEDULED, "startsAt, id", NEXT))
                .chain(this::briefs).invoke(live::next)
                .replaceWith(live);
    }

    private Uni<List<LiveSessionBrief>> briefs(List<LiveSession> rows) {
        return views.views(rows).map(list -> list.stream().map(s -> new LiveSessionBrief().id(s.getId().toString())
                .topic(s.getTitle()).departmentName(s.getDepartmentName()).startsAt(s.getStartsAt())
                .state(LiveSessionBrief.StateEnum.fromValue(s.getState().toString()))).toList());
    }
}
