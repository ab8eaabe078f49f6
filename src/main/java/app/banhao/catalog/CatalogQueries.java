package app.banhao.catalog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ServiceItemView;
import app.banhao.api.model.BundleView;
import app.banhao.api.model.BundlePage;
import app.banhao.api.model.DepartmentPage;
import app.banhao.api.model.ServiceItemPage;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads of the published catalogue from PostgreSQL: the loaders behind the cache. */
@ApplicationScoped
public class CatalogQueries {

    private final ServiceItemRepository items;
    private final BundleRepository bundles;
    private final DepartmentRepository departments;
    private final CatalogMapper mapper;

    public CatalogQueries(ServiceItemRepository items, BundleRepository bundles, DepartmentRepository departments,
            CatalogMapper mapper) {
        this.items = items;
        this.bundles = bundles;
        this.departments = departments;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<ServiceItemPage> items(ItemFilter filter, PageRequest request) {
        return items.search(filter, request).map(rows -> {
            Page<ServiceItem> page = Page.from(rows, request, i -> new PageRequest.Cursor(i.name, i.code));
            return new ServiceItemPage().items(page.items().stream().map(mapper::summary).toList())
                    .nextCursor(page.nextCursor());
        });
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
