package app.banhao.home;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.HomeFeed;
import app.banhao.api.model.HomeLive;
import app.banhao.catalog.HotServices;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Builds the home feed from PostgreSQL and the hot ranking: the loader behind the cached feed. */
@ApplicationScoped
public class HomeQueries {

    static final int HOT_ITEMS = 8;
    static final int NEWS = 5;

    private final BannerRepository banners;
    private final NewsRepository news;
    private final HotServices hot;

    public HomeQueries(BannerRepository banners, NewsRepository news, HotServices hot) {
        this.banners = banners;
        this.news = news;
        this.hot = hot;
    }

    /** One session, statements in sequence (a reactive session runs one at a time). */
    @WithSession
    public Uni<HomeFeed> feed() {
        HomeFeed feed = new HomeFeed();
        // Live sessions belong to the live feature; until it exists there are none to show.
        feed.setLive(new HomeLive().now(List.of()).next(List.of()));
        return banners.active()
                .invoke(rows -> feed.setBanners(rows.stream().map(HomeMapper::banner).toList()))
                .chain(() -> hot.hotList(HOT_ITEMS)).invoke(list -> feed.setHotItems(list.getItems()))
                .chain(() -> news.latest(NEWS)).invoke(rows -> feed.setNews(rows.stream().map(HomeMapper::news).toList()))
                .replaceWith(feed);
    }
}
