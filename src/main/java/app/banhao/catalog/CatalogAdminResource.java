package app.banhao.catalog;

import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;

import app.banhao.api.CatalogAdminApi;
import app.banhao.api.model.BundleInput;
import app.banhao.api.model.DepartmentInput;
import app.banhao.api.model.ServiceItemInput;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.publishing.Publishing;
import app.banhao.platform.publishing.Saved;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/**
 * Publishing (ADMIN). Each change commits, then bumps the catalogue's cache version, so the next read on
 * any node sees it.
 */
@RolesAllowed(TokenClaims.ADMIN)
public class CatalogAdminResource implements CatalogAdminApi {

    private final CatalogAdminService catalog;
    private final HotServices hot;
    private final AuditTrail audit;
    private final Publishing publishing;

    public CatalogAdminResource(CatalogAdminService catalog, HotServices hot, AuditTrail audit, Publishing publishing) {
        this.catalog = catalog;
        this.hot = hot;
        this.audit = audit;
        this.publishing = publishing;
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

    private Uni<Response> published(Supplier<Uni<? extends Saved<?>>> change) {
        return publishing.published(CatalogCache.NAMESPACE, change);
    }

    private Uni<Void> retired(Supplier<Uni<Void>> change) {
        return publishing.retired(CatalogCache.NAMESPACE, change);
    }
}
