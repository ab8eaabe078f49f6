package app.banhao.home;

import app.banhao.api.model.BannerInput;
import app.banhao.api.model.BannerView;
import app.banhao.api.model.NewsArticleView;
import app.banhao.api.model.NewsInput;

/** Between home content entities and the API models. */
final class HomeMapper {

    private HomeMapper() {
    }

    static BannerView banner(Banner b) {
        return new BannerView().id(b.id).title(b.title).imageUrl(b.imageUrl).targetUrl(b.targetUrl)
                .position(b.position).version(b.version);
    }

    static NewsArticleView news(NewsArticle n) {
        return new NewsArticleView().id(n.id).title(n.title).summary(n.summary).source(n.source)
                .url(n.url).publishedAt(n.publishedAt).version(n.version);
    }

    static void apply(BannerInput in, Banner b) {
        b.title = in.getTitle();
        b.imageUrl = in.getImageUrl();
        b.targetUrl = in.getTargetUrl();
        b.position = in.getPosition();
    }

    static void apply(NewsInput in, NewsArticle n) {
        n.title = in.getTitle();
        n.summary = in.getSummary();
        n.source = in.getSource();
        n.url = in.getUrl();
        n.publishedAt = in.getPublishedAt();
    }
}
