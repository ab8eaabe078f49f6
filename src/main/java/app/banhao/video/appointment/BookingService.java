package app.banhao.video.appointment;

import java.time.OffsetDateTime;
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
import app.banhao.platform.transaction.Transactions;
import app.banhao.video.availability.Availability;
import app.banhao.video.availability.AvailabilityRepository;
import app.banhao.video.availability.Slot;
import app.banhao.video.availability.SlotCache;
import io.smallrye.mutiny.Uni;

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

    public BookingService(AppointmentRepository appointments, AvailabilityRepository availabilities, SlotRules rules,
            ItemCatalog catalog, Idempotency idempotency, DataProtection crypto, AuditTrail audit, CacheAside cache,
            AppointmentMapper mapper, AppointmentSettings settings, BusinessClock clock) {
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
    }

    /** Holds a place for {@code residentId} (level checked by the caller). */
    public Uni<VideoAppointment> book(UUID residentId, VideoAppointmentCreate request, String idempotencyKey) {
        return Transactions.retryingConflicts(() -> idempotency.once("resident:" + residentId + ":bookVideoAppointment",
                idempotencyKey, request, VideoAppointment.class, () -> hold(residentId, request)))
                .call(booked -> cache.invalidate(SlotCache.namespace(booked.getDepartmentCode())));
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
                        return appointments.persist(a).call(appointments::flush)
                                .call(() -> audited("video.appointment.hold", a, availability))
                                .map(mapper::view);
                    });
                }));
    }

    private Uni<Void> audited(String action, Appointment a, Availability availability) {
        return audit.record(AuditEvent.of(action).target("video-appointment", a.id.toString())
                .details(Map.of("department", availability.departmentCode, "slotStart", a.slotStart.toString())));
    }
}
