package app.banhao.video.appointment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.VideoAppointment;
import app.banhao.api.model.VideoAppointmentCreate;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.LeftToHibernate;
import app.banhao.platform.transaction.SqlStatement;
import app.banhao.platform.transaction.Transactions;
import app.banhao.video.availability.Availability;
import app.banhao.video.availability.AvailabilityRepository;
import app.banhao.video.availability.Slot;
import app.banhao.video.availability.SlotCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * Booking a slot. Capacity is never exceeded: every booking of a slot takes that slot's lock (a transaction-scoped
 * PostgreSQL advisory lock, under a share lock on its availability) before it counts the places taken and takes one, so
 * counting and taking are one step on any number of nodes (the race it-at-m's ZMS review found between finding a free
 * seat and blocking it), while bookings of different slots of one window do not wait for each other.
 * One open appointment per resident and item is the database's partial unique index; a lost race on it runs again
 * and then finds the winner (409 {@code APPOINTMENT_ALREADY_OPEN}). After the commit the department's slot cache is
 * bumped.
 */
@ApplicationScoped
public class BookingService {

    private final AppointmentRepository appointments;
    private final AvailabilityRepository availabilities;
    private final SlotRules rules;
    private final ItemCatalog catalog;
    private final Idempotency idempotency;
    private final DataProtection crypto;
    private final AuditTrail audit;
    private final CacheAside cache;
    private final AppointmentMapper mapper;
    private final AppointmentSettings settings;
    private final BusinessClock clock;
    private final Pool pool;

    public BookingService(AppointmentRepository appointments, AvailabilityRepository availabilities, SlotRules rules,
            ItemCatalog catalog, Idempotency idempotency, DataProtection crypto, AuditTrail audit, CacheAside cache,
            AppointmentMapper mapper, AppointmentSettings settings, BusinessClock clock, Pool pool) {
        this.appointments = appointments;
        this.availabilities = availabilities;
        this.rules = rules;
        this.catalog = catalog;
        this.idempotency = idempotency;
        this.crypto = crypto;
        this.audit = audit;
        this.cache = cache;
        this.mapper = mapper;
        this.settings = settings;
        this.clock = clock;
        this.pool = pool;
    }

    /** Holds a place for {@code residentId} (level checked by the caller). */
    public Uni<VideoAppointment> book(UUID residentId, VideoAppointmentCreate request, String idempotencyKey) {
        String scope = "resident:" + residentId + ":bookVideoAppointment";
        return catalog.any(request.getItemCode()).chain(item -> item == null || !item.active()
                // Refused after the key's claim, as always: a replay of a key whose item has since closed still replays.
                ? throughHibernate(residentId, request, scope, idempotencyKey)
                : onPool(residentId, request, item, scope, idempotencyKey).onFailure(LeftToHibernate.class)
                        .recoverWithUni(() -> throughHibernate(residentId, request, scope, idempotencyKey)))
                .call(booked -> cache.invalidate(SlotCache.namespace(booked.getDepartmentCode())));
    }

    private Uni<VideoAppointment> throughHibernate(UUID residentId, VideoAppointmentCreate request, String scope, String key) {
        return Transactions.retryingConflicts(() -> idempotency.once(scope, key, request, VideoAppointment.class,
                () -> hold(residentId, request)));
    }

    /**
     * A booking of an open item, the path a rush for slots takes: the same checks, lock order and rows as {@link #hold}
     * (the key's lock and record, the no-show check, the resident's open appointment, the window's share lock, the
     * places taken, the slot's lock and the places taken again, the appointment, its audit line, the key's record with
     * its answer, written once: {@link Idempotency.Check}), sent on the reactive SQL client underneath (the same pool)
     * in one transaction of three round trips: begin with the key's lock and lookup and every read, pipelined (a slot
     * already full is refused there, without queueing on its lock); then the slot's lock and,
     * right behind it, the count with the writes as members of its {@code WITH} (its snapshot taken once the lock is
     * held, so it sees what the lock's previous holder committed; past the capacity everything rolls back); then the
     * commit. Through Hibernate it was ten statements, each sent after the answer to the one before (issue 16).
     */
    private Uni<VideoAppointment> onPool(UUID residentId, VideoAppointmentCreate request, ItemCatalog.Item item, String scope,
            String key) {
        Idempotency.Check check = idempotency.checkOf(scope, key, request);
        OffsetDateTime now = clock.now();
        List<SqlStatement> first = new ArrayList<>(5);
        if (check != null) {
            first.addAll(check.statements());
        }
        first.add(appointments.missesSinceStatement(residentId, rules.missesFrom(now)));
        first.add(appointments.openOfStatement(residentId, item.code()));
        first.add(availabilities.forBooking(request.getAvailabilityId()));
        first.add(appointments.takenInStatement(request.getAvailabilityId(), request.getSlotStart(), now));
        return Transactions.retryingConflicts(pool, first, (connection, read) -> {
            RowSet<Row> keyRecord = check == null ? null : read.get(check.statements().size() - 1);
            if (check != null) {
                idempotency.requireFree(keyRecord);
            }
            int at = check == null ? 0 : check.statements().size();
            List<OffsetDateTime> misses = new ArrayList<>();
            for (Row r : read.get(at)) {
                misses.add(r.getOffsetDateTime(0));
            }
            rules.requireNotPaused(misses, now);
            RowSet<Row> open = read.get(at + 1);
            if (open.size() > 0) {
                Row o = open.iterator().next();
                if (!AppointmentState.HELD.name().equals(o.getString(1)) || o.getOffsetDateTime(2).isAfter(now)) {
                    throw ApiException.of(AppointmentErrors.APPOINTMENT_ALREADY_OPEN, o.getUUID(0).toString());
                }
                throw new LeftToHibernate(); // the open hold has run out and must expire first
            }
            RowSet<Row> window = read.get(at + 2);
            Availability availability = window.size() == 0 ? null : AvailabilityRepository.of(window.iterator().next());
            Slot slot = rules.slotFor(availability, item, request.getSlotStart());
            SlotRules.requirePlace(availability, read.get(at + 3).iterator().next().getLong(0));
            Appointment a = newHold(residentId, availability, item, slot, request, now);
            VideoAppointment view = mapper.view(a);
            List<SqlStatement> writes = new ArrayList<>(3);
            writes.add(appointments.insert(a));
            writes.add(audit.insert(holdAudited(a, availability)));
            if (check != null) {
                writes.add(idempotency.recordOf(check, keyRecord, view));
            }
            List<SqlStatement> sent = new ArrayList<>(2);
            sent.add(appointments.lockSlotStatement(availability.id, slot.start()));
            sent.addAll(SqlStatement.withWrites(appointments.takenInStatement(availability.id, slot.start(), now), writes));
            return SqlStatement.pipelined(connection, sent).map(done -> {
                SlotRules.requirePlace(availability, done.get(1).iterator().next().getLong(0));
                return view;
            });
        }).onFailure(Idempotency.KeyTaken.class).recoverWithUni(() -> idempotency.replay(check, VideoAppointment.class));
    }

    private Uni<VideoAppointment> hold(UUID residentId, VideoAppointmentCreate request) {
        OffsetDateTime now = clock.now();
        return rules.requireNotPaused(residentId, now)
                .chain(() -> catalog.active(request.getItemCode()))
                .chain(item -> appointments.openOf(residentId, item.code()).chain(open -> {
                    if (open == null) {
                        return availabilities.findForBooking(request.getAvailabilityId());
                    }
                    if (open.state != AppointmentState.HELD || open.holdExpiresAt.isAfter(now)) {
                        throw ApiException.of(AppointmentErrors.APPOINTMENT_ALREADY_OPEN, open.id.toString());
                    }
                    // A hold that ran out before the sweep reached it: it expires now, freeing the item for this one.
                    AppointmentStates.move(open, AppointmentState.EXPIRED, now);
                    return appointments.flush().chain(() -> availabilities.findForBooking(request.getAvailabilityId()));
                }).chain(availability -> {
                    Slot slot = rules.slotFor(availability, item, request.getSlotStart());
                    return rules.requireFree(availability, slot.start(), now).chain(() -> {
                        Appointment a = newHold(residentId, availability, item, slot, request, now);
                        return appointments.persist(a).call(appointments::flush)
                                .call(() -> audit.record(holdAudited(a, availability)))
                                .map(mapper::view);
                    });
                }));
    }

    /** The appointment a booking holds: the place is the resident's until the hold runs out or they confirm. */
    private Appointment newHold(UUID residentId, Availability availability, ItemCatalog.Item item, Slot slot,
            VideoAppointmentCreate request, OffsetDateTime now) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.residentId = residentId;
        a.departmentCode = availability.departmentCode;
        a.itemCode = item.code();
        a.availabilityId = availability.id;
        a.slotStart = slot.start();
        a.slotEnd = slot.end();
        a.descriptionEnc = crypto.encrypt(request.getDescription().strip());
        a.state = AppointmentState.HELD;
        a.holdExpiresAt = now.plus(settings.hold());
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    private static AuditEvent holdAudited(Appointment a, Availability availability) {
        return AuditEvent.of("video.appointment.hold").target("video-appointment", a.id.toString())
                .details(Map.of("department", availability.departmentCode, "slotStart", a.slotStart.toString()));
    }
}
