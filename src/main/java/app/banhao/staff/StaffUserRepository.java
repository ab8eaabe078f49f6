package app.banhao.staff;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StaffUserRepository implements PanacheRepositoryBase<StaffUser, UUID> {

    public Uni<StaffUser> findByUsername(String username) {
        return find("username", username).firstResult();
    }
}
