package app.banhao.postal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.LockMode;

import io.quarkus.hibernate.reactive.panache.Panache;
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

    /** The delivery locked, or null when another transaction holds it (a sweep on another node). */
    public Uni<PostalDelivery> findForUpdateSkipLocked(UUID id) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("from PostalDelivery d where d.id = :id", PostalDelivery.class)
                .setParameter("id", id).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getSingleResultOrNull());
    }

    public Uni<PostalDelivery> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
