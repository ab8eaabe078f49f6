package app.banhao.home;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.publishing.Publication;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BannerRepository implements PanacheRepositoryBase<Banner, String> {

    public Uni<List<Banner>> active() {
        return list("status = ?1 order by position, id", Publication.ACTIVE);
    }
}
