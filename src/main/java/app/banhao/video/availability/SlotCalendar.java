package app.banhao.video.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.platform.time.BusinessClock;

/**
 * Cuts availability windows into slots and says which can be booked now: a window repeats on its weekdays within its
 * validity, never on a day off of the official calendar (调休 working weekends count only when the window names
 * that weekday), and a slot is bookable from {@code opensDaysAhead} days ahead until {@code closesHoursBefore} hours
 * before it starts. Times are the province's.
 */
@ApplicationScoped
public class SlotCalendar {

    private final WorkingCalendar calendar;
    private final BusinessClock clock;

    public SlotCalendar(WorkingCalendar calendar, BusinessClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The slots of {@code availability} on {@code day} that can be booked now, in start order. */
    public List<Slot> bookableOn(Availability availability, LocalDate day) {
        List<Slot> slots = new ArrayList<>();
        if (!offeredOn(availability, day)) {
            return slots;
        }
        OffsetDateTime now = clock.now();
        for (LocalTime t = availability.windowStart; fits(availability, t); t = t.plusMinutes(availability.slotMinutes)) {
            Slot slot = slot(availability, day, t);
            if (withinHorizon(availability, slot, now)) {
                slots.add(slot);
            }
        }
        return slots;
    }

    /**
     * The slot of {@code availability} starting at {@code start}, if it is one of its slots and can be booked now;
     * empty otherwise (not on the slot grid, a day off, outside the horizon, retired).
     */
    public Optional<Slot> bookable(Availability availability, OffsetDateTime start) {
        LocalDateTime local = start.atZoneSameInstant(BusinessClock.ZONE).toLocalDateTime();
        LocalTime t = local.toLocalTime();
        long offset = Duration.between(availability.windowStart, t).toMinutes();
        boolean onGrid = !t.isBefore(availability.windowStart) && local.getSecond() == 0 && local.getNano() == 0
                && offset % availability.slotMinutes == 0 && fits(availability, t);
        if (!onGrid || !offeredOn(availability, local.toLocalDate())) {
            return Optional.empty();
        }
        Slot slot = slot(availability, local.toLocalDate(), t);
        return withinHorizon(availability, slot, clock.now()) ? Optional.of(slot) : Optional.empty();
    }

    private boolean offeredOn(Availability availability, LocalDate day) {
        return availability.validOn(day) && availability.repeatsOn(day.getDayOfWeek())
                && (availability.onDaysOff || calendar.isWorkingDay(day));
    }

    private static boolean fits(Availability availability, LocalTime start) {
        LocalTime end = start.plusMinutes(availability.slotMinutes);
        return !end.isAfter(availability.windowEnd) && end.isAfter(start);
    }

    private static Slot slot(Availability availability, LocalDate day, LocalTime t) {
        OffsetDateTime start = day.atTime(t).atZone(BusinessClock.ZONE).toOffsetDateTime();
        return new Slot(availability.id, availability.itemCode, start, start.plusMinutes(availability.slotMinutes),
                availability.capacity);
    }

    private boolean withinHorizon(Availability availability, Slot slot, OffsetDateTime now) {
        LocalDate lastDay = clock.today().plusDays(availability.opensDaysAhead);
        return slot.start().isAfter(now.plusHours(availability.closesHoursBefore))
                && !slot.start().atZoneSameInstant(BusinessClock.ZONE).toLocalDate().isAfter(lastDay);
    }
}
