package app.banhao.catalog;

import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;

import app.banhao.api.CatalogAdminApi;
import app.banhao.api.model.BannerInput;
import app.banhao.api.model.BundleInput;
import app.banhao.api.model.DepartmentInput;
import app.banhao.api.model.NewsInput;
import app.banhao.api.model.ServiceItemInput;
import app.banhao.home.HomeAdminService;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.transaction.Transactions;
import io.smallrye.mutiny.Uni;

/**
 * Publishing (ADMIN). Each change commits, then bumps the catalogue's cache version, so the next read on
 * any node sees it.
 */
@RolesAllowed(TokenClaims.ADMIN)
public class CatalogAdminResource implements CatalogAdminApi {

    private final CatalogAdminService catalog;
    private final HomeAdminService home;
    private final HotServices hot;
    private final AuditTrail audit;
    private final CacheAside cache;

    public CatalogAdminResource(CatalogAdminService catalog, HomeAdminService home, HotServices hot, AuditTrail audit,
            CacheAside cache) {
        this.catalog = catalog;
        this.home = home;
        this.hot = hot;
        this.audit = audit;
        this.cache = cache;
    }

    @Override
    public Uni<Response> putDepartment(String code, DepartmentInput input, String ifMatch) {
        return published(() -> catalog.putDepartment(code, input, ifMatch));
    }

    @Override
    public Uni<Void> retireDepartment(String code, String ifMatch) {
        return retired(() -> catalog.retireDepartment(code, ifMatch));
    }

    @Override
    public Uni<Response> putCatalogItem(String code, ServiceItemInput input, String ifMatch) {
        return published(() -> catalog.putItem(code, input, ifMatch));
    }

    @Override
    public Uni<Void> retireCatalogItem(String code, String ifMatch) {
        return retired(() -> catalog.retireItem(code, ifMatch));
    }

    @Override
    public Uni<Response> putBundle(String code, BundleInput input, String ifMatch) {
        return published(() -> catalog.putBundle(code, input, ifMatch));
    }

    @Override
    public Uni<Void> retireBundle(String code, String ifMatch) {
        return retired(() -> catalog.retireBundle(code, ifMatch));
    }

    @Override
    public Uni<Response> putBanner(String id, BannerInput input, String ifMatch) {
        return published(() -> home.putBanner(id, input, ifMatch));
    }

    @Override
    public Uni<Void> retireBanner(String id, String ifMatch) {
        return retired(() -> home.retireBanner(id, ifMatch));
    }

    @Override
    public Uni<Response> putNews(String id, NewsInput input, String ifMatch) {
        return published(() -> home.putNews(id, input, ifMatch));
    }

    @Override
    public Uni<Void> retireNews(String id, String ifMatch) {
        return retired(() -> home.retireNews(id, ifMatch));
    }

    @Override
    public Uni<Void> recordHotEvent(String code) {
        return catalog.activeItem(code)
                .chain(item -> hot.recordApplication(code))
                .chain(counted -> {
                    if (!counted) {
                        throw ApiException.retryAfter(ErrorCode.SERVICE_UNAVAILABLE, 5);
                    }
                    return audit.recordAlone(AuditEvent.of("catalog.hot.record").target("service-item", code));
                });
    }

    /**
     * Runs the change (again, when it lost a race: two first PUTs of one code both find nothing to lock and insert),
     * then bumps the catalogue's cache version.
     */
    private Uni<Response> published(Supplier<Uni<? extends Saved<?>>> change) {
        return Transactions.<Saved<?>>retryingConflicts(change).call(() -> cache.invalidate(CatalogCache.NAMESPACE))
                .map(Saved::toResponse);
    }

    private Uni<Void> retired(Supplier<Uni<Void>> change) {
        return Transactions.retryingConflicts(change).call(() -> cache.invalidate(CatalogCache.NAMESPACE));
    }
}
