package app.banhao.video.availability;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.VideoAvailability;
import app.banhao.api.model.VideoAvailabilityInput;
import app.banhao.api.model.Weekday;

@ApplicationScoped
public class AvailabilityMapper {

    /** Copies the input onto the entity (the department is the caller's to check and keep). */
    void apply(VideoAvailabilityInput in, Availability a) {
        a.itemCode = in.getItemCode();
        a.weekdays = weekdays(in.getWeekdays());
        a.windowStart = LocalTime.parse(in.getWindowStart());
        a.windowEnd = LocalTime.parse(in.getWindowEnd());
        a.slotMinutes = in.getSlotMinutes();
        a.capacity = in.getCapacity();
        a.opensDaysAhead = in.getOpensDaysAhead();
        a.closesHoursBefore = in.getClosesHoursBefore();
        a.validFrom = in.getValidFrom();
        a.validUntil = in.getValidUntil();
        a.onDaysOff = Boolean.TRUE.equals(in.getOnDaysOff());
        a.active = in.getActive() == null || in.getActive();
    }

    public VideoAvailability view(Availability a) {
        List<Weekday> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (a.repeatsOn(d)) {
                days.add(Weekday.fromValue(d.name()));
            }
        }
        return new VideoAvailability().id(a.id).departmentCode(a.departmentCode).itemCode(a.itemCode).weekdays(days)
                .windowStart(a.windowStart.toString()).windowEnd(a.windowEnd.toString()).slotMinutes(a.slotMinutes)
                .capacity(a.capacity).opensDaysAhead(a.opensDaysAhead).closesHoursBefore(a.closesHoursBefore)
                .validFrom(a.validFrom).validUntil(a.validUntil).onDaysOff(a.onDaysOff).active(a.active).version(a.version)
                .createdAt(a.createdAt).updatedAt(a.updatedAt);
    }

    /** Bit 0 = Monday … bit 6 = Sunday. */
    static int weekdays(Set<Weekday> days) {
        int bits = 0;
        for (Weekday d : days) {
            bits |= 1 << (DayOfWeek.valueOf(d.toString()).getValue() - 1);
        }
        return bits;
    }
}
