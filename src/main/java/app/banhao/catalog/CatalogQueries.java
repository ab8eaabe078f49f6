package app.banhao.catalog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.BundlePage;
import app.banhao.api.model.BundleView;
import app.banhao.api.model.DepartmentPage;
import app.banhao.api.model.ItemSuggestion;
import app.banhao.api.model.ItemSuggestionList;
import app.banhao.api.model.ServiceItemPage;
import app.banhao.api.model.ServiceItemView;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads of the published catalogue from PostgreSQL: the loaders behind the cache. */
@ApplicationScoped
public class CatalogQueries {

    /** The cursor key of a ranked search page (its id is the offset). */
    private static final String RANKED = "rank";
    /** How many closest items a search that matched nothing offers. */
    private static final int DID_YOU_MEAN = 5;

    private final ServiceItemRepository items;
    private final ItemSearch search;
    private final BundleRepository bundles;
    private final DepartmentRepository departments;
    private final CatalogMapper mapper;

    public CatalogQueries(ServiceItemRepository items, ItemSearch search, BundleRepository bundles,
            DepartmentRepository departments, CatalogMapper mapper) {
        this.items = items;
        this.search = search;
        this.bundles = bundles;
        this.departments = departments;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<ServiceItemPage> items(ItemFilter filter, PageRequest request) {
        if (filter.q() != null && !filter.q().isBlank()) {
            return searchPage(filter, request);
        }
        return items.browse(filter, request).map(rows -> {
            Page<ServiceItem> page = Page.from(rows, request, i -> new PageRequest.Cursor(i.name, i.code));
            return new ServiceItemPage().items(page.items().stream().map(mapper::summary).toList())
                    .nextCursor(page.nextCursor()).didYouMean(null);
        });
    }

    /** Ranked matches; the cursor is the offset of the next page ({@link #RANKED}), as ranks have no keyset. */
    private Uni<ServiceItemPage> searchPage(ItemFilter filter, PageRequest request) {
        int offset = request.after().map(CatalogQueries::rankOffset).orElse(0);
        return search.find(filter.q(), filter, offset, request.fetchSize(), DID_YOU_MEAN).map(found -> {
            if (found.closest()) {
                return new ServiceItemPage().items(found.items().stream().map(mapper::summary).toList())
                        .didYouMean(found.items().stream().map(CatalogQueries::suggestion).toList());
            }
            Page<ServiceItem> page = Page.from(found.items(), request,
                    last -> new PageRequest.Cursor(RANKED, Integer.toString(offset + request.limit())));
            return new ServiceItemPage().items(page.items().stream().map(mapper::summary).toList())
                    .nextCursor(page.nextCursor()).didYouMean(null);
        });
    }

    /** Type-ahead: the first {@code limit} ranked names, or the closest when nothing matches. */
    @WithSession
    public Uni<ItemSuggestionList> suggestions(String q, int limit) {
        if (q.isBlank()) {
            return Uni.createFrom().item(new ItemSuggestionList().items(List.of()));
        }
        ItemFilter any = new ItemFilter(q, null, null, null, null, null);
        return search.find(q, any, 0, limit, limit).map(found -> new ItemSuggestionList()
                .items(found.items().stream().map(CatalogQueries::suggestion).toList()));
    }

    private static ItemSuggestion suggestion(ServiceItem item) {
        return new ItemSuggestion().code(item.code).name(item.name);
    }

    private static int rankOffset(PageRequest.Cursor cursor) {
        if (RANKED.equals(cursor.key()) && cursor.id().matches("[0-9]{1,6}")) {
            return Integer.parseInt(cursor.id());
        }
        throw ApiException.field(ErrorCode.INVALID_CURSOR, FieldError.of("cursor", FieldCode.INVALID_FORMAT));
    }

    @WithSession
    public Uni<ServiceItemView> item(String code) {
        return items.findDetail(code).map(item -> {
            if (item == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return mapper.detail(item);
        });
    }

    @WithSession
    public Uni<BundlePage> bundles(PageRequest request) {
        return bundles.activePage(request).chain(rows -> {
            Page<Bundle> page = Page.from(rows, request, b -> new PageRequest.Cursor(b.name, b.code));
            if (page.items().isEmpty()) {
                return Uni.createFrom().item(new BundlePage().items(List.of()).nextCursor(page.nextCursor()));
            }
            List<String> codes = page.items().stream().map(b -> b.code).toList();
            return bundles.withItems(codes).map(loaded -> new BundlePage()
                    .items(codes.stream()
                            .map(code -> loaded.stream().filter(b -> b.code.equals(code)).findFirst().orElseThrow())
                            .map(mapper::bundleSummary).toList())
                    .nextCursor(page.nextCursor()));
        });
    }

    @WithSession
    public Uni<BundleView> bundle(String code) {
        return bundles.findActiveWithItems(code).map(bundle -> {
            if (bundle == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return mapper.bundle(bundle);
        });
    }

    @WithSession
    public Uni<DepartmentPage> departments(PageRequest request) {
        return departments.activePage(request).map(rows -> {
            Page<Department> page = Page.from(rows, request, d -> new PageRequest.Cursor(d.code, d.code));
            return new DepartmentPage().items(page.items().stream().map(mapper::department).toList())
                    .nextCursor(page.nextCursor());
        });
    }
}
