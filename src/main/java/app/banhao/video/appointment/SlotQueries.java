package app.banhao.video.appointment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.VideoSlot;
import app.banhao.api.model.VideoSlotDay;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.time.BusinessClock;
import app.banhao.video.availability.Availability;
import app.banhao.video.availability.AvailabilityRepository;
import app.banhao.video.availability.Slot;
import app.banhao.video.availability.SlotCalendar;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * A department's bookable slots of one day with the places still free: the windows cut into slots
 * ({@link SlotCalendar}) and one grouped count of the places taken. The loader behind the slot cache.
 */
@ApplicationScoped
public class SlotQueries {

    private final AvailabilityRepository availabilities;
    private final AppointmentRepository appointments;
    private final SlotCalendar calendar;
    private final ItemCatalog catalog;
    private final BusinessClock clock;

    public SlotQueries(AvailabilityRepository availabilities, AppointmentRepository appointments, SlotCalendar calendar,
            ItemCatalog catalog, BusinessClock clock) {
        this.availabilities = availabilities;
        this.appointments = appointments;
        this.calendar = calendar;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The day's slots; 404 for a department that is not published. */
    @WithSession
    public Uni<VideoSlotDay> day(String departmentCode, LocalDate date, String itemCode) {
        return availabilities.activeOf(departmentCode).chain(windows -> {
            List<Slot> slots = new ArrayList<>();
            for (Availability a : windows) {
                if (itemCode == null || a.itemCode == null || a.itemCode.equals(itemCode)) {
                    slots.addAll(calendar.bookableOn(a, date));
                }
            }
            VideoSlotDay day = new VideoSlotDay().departmentCode(departmentCode).itemCode(itemCode).date(date);
            if (slots.isEmpty()) {
                return known(departmentCode).map(x -> day.slots(List.of()));
            }
            OffsetDateTime from = date.atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
            List<UUID> ids = slots.stream().map(Slot::availabilityId).distinct().toList();
            return appointments.takenBetween(ids, from, from.plusDays(1), clock.now())
                    .map(rows -> day.slots(withFree(slots, rows)));
        });
    }

    private Uni<Void> known(String departmentCode) {
        return catalog.departmentActive(departmentCode).map(active -> {
            if (!active) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return null;
        });
    }

    private static List<VideoSlot> withFree(List<Slot> slots, List<Object[]> taken) {
        Map<String, Long> count = new HashMap<>();
        for (Object[] row : taken) {
            count.put(row[0] + "@" + ((OffsetDateTime) row[1]).toInstant(), (Long) row[2]);
        }
        return slots.stream().sorted(Comparator.comparing(Slot::start).thenComparing(s -> s.availabilityId().toString()))
                .map(s -> {
                    long used = count.getOrDefault(s.availabilityId() + "@" + s.start().toInstant(), 0L);
                    return new VideoSlot().availabilityId(s.availabilityId()).itemCode(s.itemCode()).start(s.start())
                            .end(s.end()).capacity(s.capacity()).free((int) Math.max(0, s.capacity() - used));
                }).toList();
    }
}
