package app.banhao.home;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.BannerInput;
import app.banhao.api.model.BannerView;
import app.banhao.api.model.NewsArticleView;
import app.banhao.api.model.NewsInput;
import app.banhao.platform.publishing.Publishing;
import app.banhao.platform.publishing.Saved;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Publishing banners and news (ADMIN). Callers invalidate the cache after commit. */
@ApplicationScoped
public class HomeAdminService {

    private final BannerRepository banners;
    private final NewsRepository news;
    private final Publishing publishing;

    public HomeAdminService(BannerRepository banners, NewsRepository news, Publishing publishing) {
        this.banners = banners;
        this.news = news;
        this.publishing = publishing;
    }

    @WithTransaction
    public Uni<Saved<BannerView>> putBanner(String id, BannerInput in, String ifMatch) {
        return publishing.upsert(banners, id, () -> {
            Banner b = new Banner();
            b.id = id;
            return b;
        }, ifMatch, b -> {
            HomeMapper.apply(in, b);
            return Uni.createFrom().voidItem();
        }, "home.banner", "banner").map(saved -> saved.map(HomeMapper::banner));
    }

    @WithTransaction
    public Uni<Void> retireBanner(String id, String ifMatch) {
        return publishing.retire(banners, id, ifMatch, Publishing::allowed, "home.banner", "banner");
    }

    @WithTransaction
    public Uni<Saved<NewsArticleView>> putNews(String id, NewsInput in, String ifMatch) {
        return publishing.upsert(news, id, () -> {
            NewsArticle n = new NewsArticle();
            n.id = id;
            return n;
        }, ifMatch, n -> {
            HomeMapper.apply(in, n);
            return Uni.createFrom().voidItem();
        }, "home.news", "news").map(saved -> saved.map(HomeMapper::news));
    }

    @WithTransaction
    public Uni<Void> retireNews(String id, String ifMatch) {
        return publishing.retire(news, id, ifMatch, Publishing::allowed, "home.news", "news");
    }
}
