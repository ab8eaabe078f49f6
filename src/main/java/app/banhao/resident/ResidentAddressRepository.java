package app.banhao.resident;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResidentAddressRepository implements PanacheRepositoryBase<ResidentAddress, UUID> {

    public Uni<List<ResidentAddress>> ofResident(UUID residentId) {
        return list("residentId", Sort.descending("createdAt"), residentId);
    }

    /** The address only if it belongs to {@code residentId}: another resident's is as good as absent. */
    public Uni<ResidentAddress> findOwned(UUID id, UUID residentId) {
        return find("id = ?1 and residentId = ?2", id, residentId).firstResult();
    }

    /** The same, its row locked: parallel deletes of one address wait, and all but the first then find nothing. */
    public Uni<ResidentAddress> findOwnedForUpdate(UUID id, UUID residentId) {
        return find("id = ?1 and residentId = ?2", id, residentId).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<Long> countOf(UUID residentId) {
        return count("residentId", residentId);
    }

    public Uni<Integer> clearDefault(UUID residentId) {
        return update("isDefault = false where residentId = ?1 and isDefault = true", residentId);
    }
}
