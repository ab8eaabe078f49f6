package app.banhao.home;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.publishing.Publication;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NewsRepository implements PanacheRepositoryBase<NewsArticle, String> {

    public Uni<List<NewsArticle>> latest(int limit) {
        return find("status = ?1 order by publishedAt desc, id", Publication.ACTIVE).range(0, limit - 1).list();
    }
}
