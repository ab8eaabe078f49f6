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

    /** The resident's postal delivery of the case's result (at most one). */
    public Uni<PostalDelivery> ofApplication(UUID applicationId) {
        return latest(applicationId, DeliveryKind.RESULT);
    }

    public Uni<PostalDelivery> ofApplicationForUpdate(UUID applicationId) {
        return latestForUpdate(applicationId, DeliveryKind.RESULT);
    }

    /** The newest delivery of {@code kind} of the case, or null. */
    public Uni<PostalDelivery> latest(UUID applicationId, DeliveryKind kind) {
        return find("applicationId = ?1 and kind = ?2 order by createdAt desc", applicationId, kind).firstResult();
    }

    public Uni<PostalDelivery> latestForUpdate(UUID applicationId, DeliveryKind kind) {
        return find("applicationId = ?1 and kind = ?2 order by createdAt desc", applicationId, kind)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
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
