package app.banhao.home;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.HomeFeed;
import app.banhao.catalog.HotServices;
import app.banhao.live.LiveSchedule;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Builds the home feed from PostgreSQL, the hot ranking and the live schedule (live now, next up): the loader behind the cached feed. */
@ApplicationScoped
public class HomeQueries {

    static final int HOT_ITEMS = 8;
    static final int NEWS = 5;

    private final BannerRepository banners;
    private final NewsRepository news;
    private final HotServices hot;
    private final LiveSchedule live;

    public HomeQueries(BannerRepository banners, NewsRepository news, HotServices hot, LiveSchedule live) {
        this.banners = banners;
        this.news = news;
        this.hot = hot;
        this.live = live;
    }

    /** One session, statements in sequence (a reactive session runs one at a time). */
    @WithSession
    public Uni<HomeFeed> feed() {
        HomeFeed feed = new HomeFeed();
        return live.homeLive().invoke(feed::setLive)
                .chain(banners::active)
                .invoke(rows -> feed.setBanners(rows.stream().map(HomeMapper::banner).toList()))
                .chain(() -> hot.hotList(HOT_ITEMS)).invoke(list -> feed.setHotItems(list.getItems()))
                .chain(() -> news.latest(NEWS)).invoke(rows -> feed.setNews(rows.stream().map(HomeMapper::news).toList()))
                .replaceWith(feed);
    }
}
