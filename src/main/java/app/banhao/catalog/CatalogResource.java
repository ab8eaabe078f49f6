package app.banhao.catalog;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import app.banhao.api.CatalogApi;
import app.banhao.api.model.ItemKind;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.cache.HttpCaching;
import app.banhao.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

/** The resident's catalogue reads: every one cached (DESIGN.md §8) and conditional (ETag / 304). */
public class CatalogResource implements CatalogApi {

    private final CacheAside cache;
    private final CatalogQueries queries;
    private final HotServices hot;

    public CatalogResource(CacheAside cache, CatalogQueries queries, HotServices hot) {
        this.cache = cache;
        this.queries = queries;
        this.hot = hot;
    }

    @Override
    public Uni<Response> listCatalogItems(String q, String department, ItemKind kind, Boolean crossProvince,
            Boolean fullyOnline, Boolean instant, String cursor, Integer limit, String ifNoneMatch) {
        PageRequest page = PageRequest.of(cursor, limit);
        ItemFilter filter = new ItemFilter(q == null ? null : q.trim(), department, kind, crossProvince, fullyOnline, instant);
        String key = CacheAside.digestKey("items", filter.q(), department, kind, crossProvince, fullyOnline, instant,
                cursor, page.limit());
        return cached(key, CatalogCache.TTL, () -> queries.items(filter, page), ifNoneMatch);
    }

    @Override
    public Uni<Response> listCatalogSuggestions(String q, Integer limit, String ifNoneMatch) {
        String typed = q.trim();
        int size = limit == null ? 10 : limit;
        return cached(CacheAside.digestKey("suggestions", typed, size), CatalogCache.TTL,
                () -> queries.suggestions(typed, size), ifNoneMatch);
    }

    @Override
    public Uni<Response> getCatalogItem(String code, String ifNoneMatch) {
        return cached("item:" + code, CatalogCache.TTL, () -> queries.item(code), ifNoneMatch);
    }

    @Override
    public Uni<Response> listBundles(String cursor, Integer limit, String ifNoneMatch) {
        PageRequest page = PageRequest.of(cursor, limit);
        return cached(CacheAside.digestKey("bundles", cursor, page.limit()), CatalogCache.TTL,
                () -> queries.bundles(page), ifNoneMatch);
    }

    @Override
    public Uni<Response> getBundle(String code, String ifNoneMatch) {
        return cached("bundle:" + code, CatalogCache.TTL, () -> queries.bundle(code), ifNoneMatch);
    }

    @Override
    public Uni<Response> listDepartments(String cursor, Integer limit, String ifNoneMatch) {
        PageRequest page = PageRequest.of(cursor, limit);
        return cached(CacheAside.digestKey("departments", cursor, page.limit()), CatalogCache.TTL,
                () -> queries.departments(page), ifNoneMatch);
    }

    @Override
    public Uni<Response> getHotItems(Integer limit, String ifNoneMatch) {
        int size = limit == null ? 10 : limit;
        return cached("hot:" + size, CatalogCache.HOT_TTL, () -> hot.hotList(size), ifNoneMatch);
    }

    private Uni<Response> cached(String key, Duration ttl, Supplier<Uni<?>> loader, String ifNoneMatch) {
        return cache.get(CatalogCache.NAMESPACE, key, ttl, loader).map(json -> HttpCaching.respond(json, ifNoneMatch));
    }
}
