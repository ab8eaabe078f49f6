package app.banhao.application.core;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApplicationEventRepository implements PanacheRepositoryBase<ApplicationEvent, UUID> {

    public Uni<List<ApplicationEvent>> timeline(UUID applicationId) {
        return find("applicationId = ?1 order by at, id", applicationId).list();
    }
}
