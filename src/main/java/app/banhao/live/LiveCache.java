package app.banhao.live;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.LiveStream;
import app.banhao.catalog.CatalogCache;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.cache.CachedJson;
import io.smallrye.mutiny.Uni;

/**
 * The live schedule, each stream and its state, cache-aside in Redis (DESIGN.md §8) under the namespace
 * {@value #NAMESPACE}. Every change by staff commits, then {@link #changed()} bumps this namespace and the catalogue's
 * (the home feed, cached there, shows live now/next), so the next read on any node sees it.
 */
@ApplicationScoped
public class LiveCache {

    public static final String NAMESPACE = "live";
    /** Long: every change bumps the version; the TTL only bounds what an unchanged schedule costs in memory. */
    static final Duration TTL = Duration.ofMinutes(10);
    private static final String LIVE_JSON = "\"LIVE\"";
    private static final String NONE_JSON = "\"" + LiveQueries.NONE + "\"";

    private final CacheAside cache;
    private final LiveQueries queries;
    private final ObjectMapper json;

    public LiveCache(CacheAside cache, LiveQueries queries, ObjectMapper json) {
        this.cache = cache;
        this.queries = queries;
        this.json = json;
    }

    public Uni<CachedJson> schedule() {
        return cache.get(NAMESPACE, "schedule", TTL, queries::schedule);
    }

    /** The stream as cached (no viewer figures of a live one), or null. */
    public Uni<LiveStream> stream(UUID id) {
        return cache.get(NAMESPACE, "stream:" + id, TTL, () -> queries.stream(id)).map(cached -> {
            try {
                return "null".equals(cached.body()) ? null : json.readValue(cached.body(), LiveStream.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A cached stream did not parse back", e);
            }
        });
    }

    /** The heartbeat's check: whether the stream is LIVE, known and not live (false), or unknown (null). No parsing. */
    public Uni<Boolean> isLive(UUID id) {
        return cache.get(NAMESPACE, "state:" + id, TTL, () -> queries.state(id)).map(cached -> {
            String body = cached.body();
            return LIVE_JSON.equals(body) ? Boolean.TRUE : NONE_JSON.equals(body) ? null : Boolean.FALSE;
        });
    }

    /** After a committed change: the schedule, the stream pages and the home feed are rebuilt on the next read. */
    public Uni<Void> changed() {
        return cache.invalidate(NAMESPACE).chain(() -> cache.invalidate(CatalogCache.NAMESPACE));
    }
}
