package app.banhao.home;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import app.banhao.api.HomeApi;
import app.banhao.catalog.CatalogCache;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.cache.HttpCaching;
import io.smallrye.mutiny.Uni;

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
