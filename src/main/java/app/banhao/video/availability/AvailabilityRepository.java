package app.banhao.video.availability;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AvailabilityRepository implements PanacheRepositoryBase<Availability, UUID> {

    /** The department's windows in force, department-wide and per item, oldest first. */
    public Uni<List<Availability>> activeOf(String departmentCode) {
        return list("departmentCode = ?1 and active = true order by createdAt, id", departmentCode);
    }

    /**
     * The availability locked for update: every booking of one of its slots takes this lock first, so counting the
     * places taken and taking one are one step, on any number of nodes.
     */
    public Uni<Availability> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
