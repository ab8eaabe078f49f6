package app.banhao.application.core;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApplicationMaterialRepository implements PanacheRepositoryBase<ApplicationMaterial, UUID> {

    public Uni<List<ApplicationMaterial>> of(UUID applicationId) {
        return find("applicationId = ?1 order by suppliedAt, name", applicationId).list();
    }

    /** Removes the material of that name (its file goes with it: ON DELETE CASCADE). */
    public Uni<Long> deleteNamed(UUID applicationId, String name) {
        return delete("applicationId = ?1 and name = ?2", applicationId, name);
    }
}
