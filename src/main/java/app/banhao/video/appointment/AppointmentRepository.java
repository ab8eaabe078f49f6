package app.banhao.video.appointment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.common.AffectedEntities;
import org.hibernate.reactive.mutiny.Mutiny;

import app.banhao.platform.query.InList;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /**
     * Sent as a statement whose row count is read, not as a native select: Hibernate 7.2 adds a query plan for a native
     * select on every call, all under one hash, and the lookups through them grew with every booking
     * (AppointmentQueryPlansTest).
     */
    private static final String LOCK_SLOT = "SELECT pg_advisory_xact_lock(?1)";
    /** What must be flushed before the lock: the session's own appointments (a hold just expired), nothing else. */
    private static final AffectedEntities APPOINTMENTS = new AffectedEntities(Appointment.class);

    /** The states that take a place of a slot whatever the time (HELD does only until its hold runs out). */
    private static final List<AppointmentState> TAKING = List.of(AppointmentState.BOOKED, AppointmentState.WAITING,
            AppointmentState.CALLED, AppointmentState.IN_SESSION, AppointmentState.FINISHED, AppointmentState.MISSED);

    /** The states that take a place of a slot (a HELD one only until its hold runs out); bound by {@link #takesPlace}. */
    static final String TAKES_PLACE = "(state in " + InList.of("taking", TAKING.size()) + " or (state = :held and holdExpiresAt > :now))";

    static final List<AppointmentState> OPEN = List.of(AppointmentState.HELD, AppointmentState.BOOKED,
            AppointmentState.WAITING, AppointmentState.CALLED, AppointmentState.IN_SESSION);
    private static final String OPEN_STATE = "state in " + InList.of("open", OPEN.size());

    /** Binds the parameters of {@link #TAKES_PLACE} but {@code :now}. */
    static void takesPlace(BiConsumer<String, Object> bind) {
        InList.bind("taking", TAKING, bind);
        bind.accept("held", AppointmentState.HELD);
    }

    public Uni<Appointment> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Takes the lock of one slot of an availability until the end of the transaction: a PostgreSQL advisory lock on a
     * 64-bit key of the two (two slots sharing a key only wait for each other; no row is locked or written for it).
     */
    public Uni<Void> lockSlot(UUID availabilityId, OffsetDateTime slotStart) {
        long key = availabilityId.getMostSignificantBits() * 31 + availabilityId.getLeastSignificantBits()
                + slotStart.toEpochSecond() * 0x9E3779B97F4A7C15L;
        return getSession().chain(s -> s.createNativeQuery(LOCK_SLOT, APPOINTMENTS).setParameter(1, key).executeUpdate())
                .replaceWithVoid();
    }

    /** Places taken in one slot of an availability. */
    public Uni<Long> takenIn(UUID availabilityId, OffsetDateTime slotStart, OffsetDateTime now) {
        Parameters p = Parameters.with("availability", availabilityId).and("start", slotStart).and("now", now);
        takesPlace(p::and);
        return count("availabilityId = :availability and slotStart = :start and " + TAKES_PLACE, p);
    }

    /** Places taken per slot start of an availability between two instants: rows of (slotStart, count). */
    public Uni<List<Object[]>> takenBetween(List<UUID> availabilityIds, OffsetDateTime from, OffsetDateTime to,
            OffsetDateTime now) {
        return getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createSelectionQuery(
                    "select availabilityId, slotStart, count(*) from Appointment where availabilityId in "
                            + InList.of("availability", availabilityIds.size())
                            + " and slotStart >= :from and slotStart < :to and " + TAKES_PLACE
                            + " group by availabilityId, slotStart", Object[].class)
                    .setParameter("from", from).setParameter("to", to).setParameter("now", now);
            InList.bind("availability", availabilityIds, query::setParameter);
            takesPlace(query::setParameter);
            return query.getResultList();
        });
    }

    /** The resident's open appointment for an item, if any. */
    public Uni<Appointment> openOf(UUID residentId, String itemCode) {
        return find("residentId = :resident and itemCode = :item and " + OPEN_STATE,
                InList.bind(Parameters.with("resident", residentId).and("item", itemCode), "open", OPEN)).firstResult();
    }

    /** When the resident's no-shows since {@code since} were recorded, oldest first. */
    public Uni<List<OffsetDateTime>> missesSince(UUID residentId, OffsetDateTime since) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select missedAt from Appointment where residentId = :resident and state = :missed"
                        + " and missedAt >= :since order by missedAt", OffsetDateTime.class)
                .setParameter("resident", residentId).setParameter("since", since)
                .setParameter("missed", AppointmentState.MISSED).getResultList());
    }
}
