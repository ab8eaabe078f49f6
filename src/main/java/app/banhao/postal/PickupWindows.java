package app.banhao.postal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.time.BusinessClock;

/**
 * Which pick-up windows a courier can be booked for: one working day of the official calendar (holidays and 调休
 * included), within the counters' hours 09:00–18:00 Beijing time, 1 to 4 hours long (shorter cannot be promised,
 * longer keeps the resident at home), starting at least an hour ahead (the carrier dispatches a courier) and within
 * 14 days (carriers book no further). Anything else is 422 PICKUP_WINDOW_INVALID naming the field.
 */
@ApplicationScoped
public class PickupWindows {

    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(18, 0);
    static final Duration SHORTEST = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofHours(4);
    static final Duration NOTICE = Duration.ofHours(1);
    static final Duration HORIZON = Duration.ofDays(14);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final WorkingCalendar calendar;
    private final BusinessClock clock;

    public PickupWindows(WorkingCalendar calendar, BusinessClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The window checked; 422 naming {@code windowStart} or {@code windowEnd} when it cannot be booked. */
    public Carrier.PickupWindow check(OffsetDateTime start, OffsetDateTime end) {
        OffsetDateTime now = clock.now();
        if (start.isBefore(now.plus(NOTICE)) || start.isAfter(now.plus(HORIZON))) {
            throw invalid("windowStart");
        }
        ZonedDateTime from = start.atZoneSameInstant(BusinessClock.ZONE);
        ZonedDateTime to = end.atZoneSameInstant(BusinessClock.ZONE);
        Duration length = Duration.between(start, end);
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0 || !to.toLocalDate().equals(from.toLocalDate())
                || to.toLocalTime().isAfter(CLOSES)) {
            throw invalid("windowEnd");
        }
        if (from.toLocalTime().isBefore(OPENS) || !calendar.isWorkingDay(from.toLocalDate())) {
            throw invalid("windowStart");
        }
        return new Carrier.PickupWindow(start, end);
    }

    /** The window as the timeline shows it: {@code 2026-12-07 09:00–11:00} Beijing time. */
    static String text(OffsetDateTime start, OffsetDateTime end) {
        return start.atZoneSameInstant(BusinessClock.ZONE).format(DAY) + "–" + end.atZoneSameInstant(BusinessClock.ZONE).format(TIME);
    }

    private static ApiException invalid(String field) {
        return ApiException.field(PostalErrors.PICKUP_WINDOW_INVALID, FieldError.of(field, FieldCode.NOT_ALLOWED));
    }
}
