package app.banhao.home;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;

import app.banhao.api.HomeAdminApi;
import app.banhao.api.model.BannerInput;
import app.banhao.api.model.NewsInput;
import app.banhao.catalog.CatalogCache;
import app.banhao.platform.publishing.Publishing;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/**
 * Publishing the home feed (ADMIN). The feed is cached in the catalogue's namespace (it shows the hot services), so a
 * change bumps that namespace's version and the next read on any node sees it.
 */
@RolesAllowed(TokenClaims.ADMIN)
public class HomeAdminResource implements HomeAdminApi {

    private final HomeAdminService home;
    private final Publishing publishing;

    public HomeAdminResource(HomeAdminService home, Publishing publishing) {
        this.home = home;
        this.publishing = publishing;
    }

    @Override
    public Uni<Response> putBanner(String id, BannerInput input, String ifMatch) {
        return publishing.published(CatalogCache.NAMESPACE, () -> home.putBanner(id, input, ifMatch));
    }

    @Override
    public Uni<Void> retireBanner(String id, String ifMatch) {
        return publishing.retired(CatalogCache.NAMESPACE, () -> home.retireBanner(id, ifMatch));
    }

    @Override
    public Uni<Response> putNews(String id, NewsInput input, String ifMatch) {
        return publishing.published(CatalogCache.NAMESPACE, () -> home.putNews(id, input, ifMatch));
    }

    @Override
    public Uni<Void> retireNews(String id, String ifMatch) {
        return publishing.retired(CatalogCache.NAMESPACE, () -> home.retireNews(id, ifMatch));
    }
}
