package app.banhao.postal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PostalDeliveryRepository implements PanacheRepositoryBase<PostalDelivery, UUID> {

    public Uni<PostalDelivery> ofApplication(UUID applicationId) {
        return find("applicationId", applicationId).firstResult();
    }

    public Uni<PostalDelivery> ofApplicationForUpdate(UUID applicationId) {
        return find("applicationId", applicationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<PostalDelivery> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
