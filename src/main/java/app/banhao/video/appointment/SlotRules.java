package app.banhao.video.appointment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.error.ApiException;
import app.banhao.video.availability.Availability;
import app.banhao.video.availability.Slot;
import app.banhao.video.availability.SlotCalendar;
import io.smallrye.mutiny.Uni;

/** The checks booking and moving share: the slot is offered for the item, a place is free, booking is not paused. */
@ApplicationScoped
public class SlotRules {

    private final AppointmentRepository appointments;
    private final SlotCalendar calendar;
    private final AppointmentSettings settings;

    public SlotRules(AppointmentRepository appointments, SlotCalendar calendar, AppointmentSettings settings) {
        this.appointments = appointments;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** The slot of {@code availability} at {@code start} for {@code item}; 422 {@code SLOT_NOT_BOOKABLE} otherwise. */
    Slot slotFor(Availability availability, ItemCatalog.Item item, OffsetDateTime start) {
        if (availability == null || !availability.departmentCode.equals(item.departmentCode())
                || availability.itemCode != null && !availability.itemCode.equals(item.code())) {
            throw ApiException.of(AppointmentErrors.SLOT_NOT_BOOKABLE);
        }
        return calendar.bookable(availability, start).orElseThrow(() -> ApiException.of(AppointmentErrors.SLOT_NOT_BOOKABLE));
    }

    /**
     * 409 {@code SLOT_FULL} when every place of the slot is taken. Counts under the slot's lock, held to the end of the
     * caller's transaction (which takes the place), so counting and taking are one step on any number of nodes; call
     * with the availability share-locked ({@code findForBooking}). A slot already full when first counted is refused
     * without queueing on the lock: places are freed only by a cancellation, and refusing then is what the answer
     * would have been a moment earlier. Without this, every late request of a rush (200 for one slot) waited its turn
     * on the lock only to learn the slot was full.
     */
    Uni<Void> requireFree(Availability availability, OffsetDateTime start, OffsetDateTime now) {
        return appointments.takenIn(availability.id, start, now).invoke(taken -> requirePlace(availability, taken))
                .chain(() -> appointments.lockSlot(availability.id, start))
                .chain(() -> appointments.takenIn(availability.id, start, now)).invoke(taken -> requirePlace(availability, taken))
                .replaceWithVoid();
    }

    /** 409 {@code SLOT_FULL} when {@code taken} places of the slot are all there are. */
    static void requirePlace(Availability availability, long taken) {
        if (taken >= availability.capacity) {
            throw ApiException.of(AppointmentErrors.SLOT_FULL);
        }
    }

    /** 403 {@code BOOKING_PAUSED} naming the day booking resumes, after too many no-shows (the documented rule). */
    Uni<Void> requireNotPaused(UUID residentId, OffsetDateTime now) {
        return appointments.missesSince(residentId, missesFrom(now)).invoke(misses -> requireNotPaused(misses, now)).replaceWithVoid();
    }

    /** Since when no-shows count towards a pause, as of {@code now}. */
    OffsetDateTime missesFrom(OffsetDateTime now) {
        return NoShowRule.lookBack(settings, now);
    }

    /** {@link #requireNotPaused(UUID, OffsetDateTime)} with the no-shows since {@link #missesFrom} read, oldest first. */
    void requireNotPaused(List<OffsetDateTime> misses, OffsetDateTime now) {
        NoShowRule.pausedUntil(misses, settings, now).ifPresent(until -> {
            throw ApiException.of(AppointmentErrors.BOOKING_PAUSED,
                    until.atZoneSameInstant(BusinessClock.ZONE).toLocalDate().toString());
        });
    }
}
