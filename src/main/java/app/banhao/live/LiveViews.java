package app.banhao.live;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.LiveState;
import app.banhao.api.model.LiveStream;
import app.banhao.api.model.LiveTopic;
import app.banhao.api.model.LiveViewers;
import app.banhao.catalog.ItemCatalog;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Streams as the API shows them: the department's name and each topic item's name with its link to apply, from the
 * catalogue (cached there). Needs a session; statements run one after another as a reactive session requires.
 */
@ApplicationScoped
public class LiveViews {

    private final ItemCatalog catalog;

    public LiveViews(ItemCatalog catalog) {
        this.catalog = catalog;
    }

    public Uni<LiveStream> view(LiveSession s) {
        LiveStream view = new LiveStream().id(s.id).title(s.title).description(s.description)
                .departmentCode(s.departmentCode).startsAt(s.startsAt).endsAt(s.endsAt)
                .state(LiveState.fromValue(s.state.name())).playUrl(s.playUrl).replayUrl(s.replayUrl)
                .startedAt(s.startedAt).endedAt(s.endedAt).version(s.version);
        if (s.state == LiveSession.State.ENDED) {
            // Redis keeps the figures a day; the ended stream shows what was copied into PostgreSQL when it ended.
            view.viewers(new LiveViewers().uniqueViewers(s.uniqueViewers == null ? 0L : s.uniqueViewers).concurrentViewers(0L));
        }
        List<LiveTopic> topics = new ArrayList<>();
        return catalog.departmentName(s.departmentCode).invoke(view::departmentName)
                .chain(() -> Multi.createFrom().iterable(s.topicCodes())
                        .onItem().transformToUniAndConcatenate(code -> catalog.any(code).invoke(item -> topics.add(
                                new LiveTopic().code(code).name(item == null ? code : item.name()).applyLink(applyLink(code)))))
                        .collect().last())
                .map(ignored -> view.topics(topics));
    }

    public Uni<List<LiveStream>> views(List<LiveSession> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(this::view).collect().asList();
    }

    /** The app opens an item's guide, with its apply button, from this link (as banners link to bundles). */
    static String applyLink(String itemCode) {
        return "banhao://items/" + itemCode;
    }
}
