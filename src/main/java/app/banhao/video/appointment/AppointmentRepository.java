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
import app.banhao.platform.transaction.SqlStatement;
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

    /** {@code states} as an SQL list of literals (constants of ours, not input): a partial index's predicate is provable. */
    private static String literals(List<AppointmentState> states) {
        return states.stream().map(st -> "'" + st.name() + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private static final String TABLE_COLUMNS = "id, resident_id, department_code, item_code, availability_id, agent_staff_id,"
            + " slot_start, slot_end, description_enc, state, hold_expires_at, booked_at, checked_in_at, called_at, started_at,"
            + " finished_at, missed_at, cancelled_at, created_at, updated_at, version";
    private static final String INSERT = "INSERT INTO video_appointment (" + TABLE_COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5,"
            + " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";
    /** {@link #takenIn} in SQL. */
    private static final String TAKEN_IN = "SELECT count(*) FROM video_appointment WHERE availability_id = ?1 AND slot_start = ?2"
            + " AND (state IN " + literals(TAKING) + " OR (state = 'HELD' AND hold_expires_at > ?3))";
    /** {@link #openOf}'s id, state and hold end, in SQL. */
    private static final String OPEN_OF = "SELECT id, state, hold_expires_at FROM video_appointment WHERE resident_id = ?1"
            + " AND item_code = ?2 AND state IN " + literals(OPEN) + " LIMIT 1";
    /** {@link #missesSince} in SQL. */
    private static final String MISSES_SINCE = "SELECT missed_at FROM video_appointment WHERE resident_id = ?1"
            + " AND state = 'MISSED' AND missed_at >= ?2 ORDER BY missed_at";

    /** {@code a} as a statement, for a writer that sends its statements itself: every column the entity maps. */
    SqlStatement insert(Appointment a) {
        return SqlStatement.of(INSERT, APPOINTMENTS, a.id, a.residentId, a.departmentCode, a.itemCode, a.availabilityId,
                a.agentStaffId, a.slotStart, a.slotEnd, a.descriptionEnc, a.state, a.holdExpiresAt, a.bookedAt, a.checkedInAt,
                a.calledAt, a.startedAt, a.finishedAt, a.missedAt, a.cancelledAt, a.createdAt, a.updatedAt, a.version);
    }

    /** {@link #takenIn} as a statement (one row, the count). */
    SqlStatement takenInStatement(UUID availabilityId, OffsetDateTime slotStart, OffsetDateTime now) {
        return SqlStatement.of(TAKEN_IN, APPOINTMENTS, availabilityId, slotStart, now);
    }

    /** {@link #lockSlot} as a statement. */
    SqlStatement lockSlotStatement(UUID availabilityId, OffsetDateTime slotStart) {
        return SqlStatement.of(LOCK_SLOT, APPOINTMENTS, slotKey(availabilityId, slotStart));
    }

    /** {@link #openOf} as a statement: a row of the open appointment's id, state and hold end, or none. */
    SqlStatement openOfStatement(UUID residentId, String itemCode) {
        return SqlStatement.of(OPEN_OF, APPOINTMENTS, residentId, itemCode);
    }

    /** {@link #missesSince} as a statement: a row per no-show, oldest first. */
    SqlStatement missesSinceStatement(UUID residentId, OffsetDateTime since) {
        return SqlStatement.of(MISSES_SINCE, APPOINTMENTS, residentId, since);
    }

    public Uni<Appointment> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Takes the lock of one slot of an availability until the end of the transaction: a PostgreSQL advisory lock on a
     * 64-bit key of the two (two slots sharing a key only wait for each other; no row is locked or written for it).
     */
    public Uni<Void> lockSlot(UUID availabilityId, OffsetDateTime slotStart) {
        long key = slotKey(availabilityId, slotStart);
        return getSession().chain(s -> s.createNativeQuery(LOCK_SLOT, APPOINTMENTS).setParameter(1, key).executeUpdate())
                .replaceWithVoid();
    }

    private static long slotKey(UUID availabilityId, OffsetDateTime slotStart) {
        return availabilityId.getMostSignificantBits() * 31 + availabilityId.getLeastSignificantBits()
                + slotStart.toEpochSecond() * 0x9E3779B97F4A7C15L;
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
