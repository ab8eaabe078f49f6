package app.banhao.video.availability;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.common.AffectedEntities;

import app.banhao.platform.transaction.SqlStatement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

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

    private static final AffectedEntities TABLE = new AffectedEntities(Availability.class);
    /** {@link #findForBooking} in SQL, every column the entity maps, in {@link #of(Row)}'s order. */
    private static final String FOR_BOOKING = "SELECT id, department_code, item_code, weekdays, window_start, window_end,"
            + " slot_minutes, capacity, opens_days_ahead, closes_hours_before, valid_from, valid_until, on_days_off, active,"
            + " created_at, updated_at, version FROM video_availability WHERE id = ?1 FOR SHARE";

    /** {@link #findForBooking} as a statement, for a writer that sends its statements itself; its row goes to {@link #of(Row)}. */
    public SqlStatement forBooking(UUID id) {
        return SqlStatement.of(FOR_BOOKING, TABLE, id);
    }

    /** The availability in a row of {@link #forBooking}, as Hibernate would have loaded it (not managed by a session). */
    public static Availability of(Row r) {
        Availability a = new Availability();
        a.id = r.getUUID(0);
        a.departmentCode = r.getString(1);
        a.itemCode = r.getString(2);
        a.weekdays = r.getInteger(3);
        a.windowStart = r.getLocalTime(4);
        a.windowEnd = r.getLocalTime(5);
        a.slotMinutes = r.getInteger(6);
        a.capacity = r.getInteger(7);
        a.opensDaysAhead = r.getInteger(8);
        a.closesHoursBefore = r.getInteger(9);
        a.validFrom = r.getLocalDate(10);
        a.validUntil = r.getLocalDate(11);
        a.onDaysOff = r.getBoolean(12);
        a.active = r.getBoolean(13);
        a.createdAt = r.getOffsetDateTime(14);
        a.updatedAt = r.getOffsetDateTime(15);
        a.version = r.getLong(16);
        return a;
    }
}
