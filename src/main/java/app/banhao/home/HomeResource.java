package app.banhao.home;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.Cancellable;

import app.banhao.api.HomeApi;
import app.banhao.catalog.CatalogCache;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.cache.HttpCaching;
import io.smallrye.mutiny.Uni;

// A client hanging up must not cancel a unit of work half-way: it commits or rolls back whole (issue 10).
@Cancellable(false)
public class HomeResource implements HomeApi {

    /** Short: the feed carries the hot ranking, which moves without any publish to bump the version. */
    private static final Duration TTL = Duration.ofSeconds(60);

    private final CacheAside cache;
    private final HomeQueries home;

    public HomeResource(CacheAside cache, HomeQueries home) {
        this.cache = cache;
        this.home = home;
    }

    @Override
    public Uni<Response> getHomeFeed(String ifNoneMatch) {
        return cache.get(CatalogCache.NAMESPACE, "home", TTL, home::feed)
                .map(json -> HttpCaching.respond(json, ifNoneMatch));
    }
}
