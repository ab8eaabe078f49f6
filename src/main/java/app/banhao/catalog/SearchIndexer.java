package app.banhao.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.startup.StartupTask;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Computes the pinyin columns of items that have none yet, or were indexed under an older
 * {@link PinyinKeys#REVISION}: items seeded by SQL migrations (pinyin needs Java), and every item after the
 * pinyin rules change. Runs at start, before requests are served; idempotent, so nodes starting together
 * at worst do the same work twice. Items saved through the admin API are indexed when saved.
 */
@ApplicationScoped
public class SearchIndexer implements StartupTask {

    private final ServiceItemRepository items;

    public SearchIndexer(ServiceItemRepository items) {
        this.items = items;
    }

    @Override
    public Uni<Void> atStart() {
        return indexStale().invoke(indexed -> {
            if (indexed > 0) {
                Log.infof("Search keys computed for %d catalogue items", indexed);
            }
        }).replaceWithVoid();
    }

    /** Indexes every stale item; the count of items indexed. */
    public Uni<Integer> indexStale() {
        return Panache.withTransaction(() -> items.list("searchRev < ?1", PinyinKeys.REVISION).map(stale -> {
            stale.forEach(SearchKeys::index);
            return stale.size();
        }));
    }
}
