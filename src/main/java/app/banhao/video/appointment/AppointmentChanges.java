package app.banhao.video.appointment;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.VideoAppointment;
import app.banhao.api.model.VideoAppointmentMove;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.Transactions;
import app.banhao.video.availability.AvailabilityRepository;
import app.banhao.video.availability.Slot;
import app.banhao.video.availability.SlotCache;
import io.smallrye.mutiny.Uni;

/**
 * The resident's own moves of an appointment: confirm, cancel, move, check in. Each locks the appointment, checks it
 * is the caller's (404 otherwise, no existence leak), moves it through {@link AppointmentStates}, audits, and after
 * the commit bumps the department's slot cache when places changed. Repeating a move already made answers the
 * appointment as it is.
 */
@ApplicationScoped
public class AppointmentChanges {

    private final AppointmentRepository appointments;
    private final AvailabilityRepository availabilities;
    private final SlotRules rules;
    private final ItemCatalog catalog;
    private final AuditTrail audit;
    private final CacheAside cache;
    private final AppointmentMapper mapper;
    private final AppointmentSettings settings;
    private final BusinessClock clock;

    public AppointmentChanges(AppointmentRepository appointments, AvailabilityRepository availabilities, SlotRules rules,
            ItemCatalog catalog, AuditTrail audit, CacheAside cache, AppointmentMapper mapper,
            AppointmentSettings settings, BusinessClock clock) {
        this.appointments = appointments;
        this.availabilities = availabilities;
        this.rules = rules;
        this.catalog = catalog;
        this.audit = audit;
        this.cache = cache;
        this.mapper = mapper;
        this.settings = settings;
        this.clock = clock;
    }

    public Uni<VideoAppointment> confirm(UUID residentId, UUID id) {
        return change(residentId, id, "confirm", false, (a, now) -> {
            if (a.state == AppointmentState.HELD && !a.holdExpiresAt.isAfter(now)) {
                throw ApiException.of(AppointmentErrors.HOLD_EXPIRED);
            }
            if (a.state != AppointmentState.BOOKED) {
                AppointmentStates.move(a, AppointmentState.BOOKED, now);
            }
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<VideoAppointment> cancel(UUID residentId, UUID id) {
        return change(residentId, id, "cancel", true, (a, now) -> {
            if (a.state != AppointmentState.CANCELLED) {
                requireBeforeCutoff(a, now);
                AppointmentStates.move(a, AppointmentState.CANCELLED, now);
            }
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<VideoAppointment> checkIn(UUID residentId, UUID id) {
        return change(residentId, id, "check-in", false, (a, now) -> {
            if (a.state == AppointmentState.WAITING) {
                return Uni.createFrom().voidItem();
            }
            if (now.isBefore(a.slotStart.minus(settings.checkInBefore())) || now.isAfter(a.slotStart.plus(settings.checkInAfter()))) {
                throw ApiException.of(AppointmentErrors.CHECK_IN_NOT_OPEN, settings.checkInBefore().toMinutes(),
                        settings.checkInAfter().toMinutes());
            }
            AppointmentStates.move(a, AppointmentState.WAITING, now);
            return Uni.createFrom().voidItem();
        });
    }

    /** Moves a HELD or BOOKED appointment to another slot, under the same capacity rule as booking. */
    public Uni<VideoAppointment> move(UUID residentId, UUID id, VideoAppointmentMove to) {
        return change(residentId, id, "move", true, (a, now) -> {
            if (a.state != AppointmentState.HELD && a.state != AppointmentState.BOOKED) {
                throw ApiException.of(AppointmentErrors.APPOINTMENT_STATE_CONFLICT, a.state.name(), a.state.name());
            }
            if (a.availabilityId.equals(to.getAvailabilityId()) && a.slotStart.isEqual(to.getSlotStart())) {
                return Uni.createFrom().voidItem();
            }
            requireBeforeCutoff(a, now);
            return catalog.any(a.itemCode).chain(item -> availabilities.findForBooking(to.getAvailabilityId())
                    .chain(availability -> {
                        Slot slot = rules.slotFor(availability, item, to.getSlotStart());
                        return rules.requireFree(availability, slot.start(), now).invoke(() -> {
                            a.availabilityId = availability.id;
                            a.slotStart = slot.start();
                            a.slotEnd = slot.end();
                            a.updatedAt = now;
                        });
                    }));
        });
    }

    private void requireBeforeCutoff(Appointment a, OffsetDateTime now) {
        if (a.state != AppointmentState.HELD && now.isAfter(a.slotStart.minus(settings.changeCutoff()))) {
            throw ApiException.of(AppointmentErrors.APPOINTMENT_CHANGE_TOO_LATE, settings.changeCutoff().toMinutes());
        }
    }

    private Uni<VideoAppointment> change(UUID residentId, UUID id, String action, boolean placesChange,
            BiFunction<Appointment, OffsetDateTime, Uni<Void>> step) {
        return Transactions.retryingConflicts(() -> appointments.findForUpdate(id).chain(a -> {
            if (a == null || !a.residentId.equals(residentId)) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            AppointmentState before = a.state;
            return step.apply(a, clock.now())
                    .call(() -> audit.record(AuditEvent.of("video.appointment." + action)
                            .target("video-appointment", a.id.toString())
                            .details(Map.of("from", before.name(), "to", a.state.name()))))
                    .chain(() -> appointments.flush())
                    .map(x -> a);
        })).call(a -> placesChange ? cache.invalidate(SlotCache.namespace(a.departmentCode)) : Uni.createFrom().voidItem())
                .map(mapper::view);
    }
}
