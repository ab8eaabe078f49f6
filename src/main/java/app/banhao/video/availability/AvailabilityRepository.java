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

    /** The availability locked for update: a change of the window waits for the bookings in flight, and they for it. */
    public Uni<Availability> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * The availability share-locked, for booking one of its slots: bookings of the window go on side by side (each
     * slot has its own lock, taken before its places are counted) while a change of the window cannot slip between.
     */
    public Uni<Availability> findForBooking(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_READ).firstResult();
    }
}
