package app.banhao.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The seeded 2025/2026 State Council calendars, counted as time limits count. */
@QuarkusTest
class WorkingCalendarTest {

    @Inject
    WorkingCalendar calendar;

    @Test
    void holidaysAreNotWorkingDaysAndMakeUpWeekendsAre() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 10, 8)), "国庆中秋 2025 ends on Wed 10/8");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 10, 11)), "Sat 10/11/2025 is a make-up working day");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 9, 20)), "Sun 9/20/2026 is a make-up working day");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 23)), "春节 2026 ends on Mon 2/23");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 24)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 7)), "an ordinary Saturday");
    }

    @Test
    void addingWorkingDaysSkipsTheSpringFestivalAndCountsMakeUpDays() {
        // Fri 2026-02-13: Sat 2/14 is worked, then 2/15–2/23 off, so 3 working days end on Wed 2/25.
        assertEquals(LocalDate.of(2026, 2, 25), calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 3));
        // Thu 2025-09-25: Fri 9/26, Sun 9/28 (worked), Mon 9/29, Tue 9/30, then 10/1–10/8 off, Thu 10/9.
        assertEquals(LocalDate.of(2025, 9, 30), calendar.addWorkingDays(LocalDate.of(2025, 9, 25), 4));
        assertEquals(LocalDate.of(2025, 10, 9), calendar.addWorkingDays(LocalDate.of(2025, 9, 25), 5));
        assertEquals(LocalDate.of(2026, 3, 4), calendar.addWorkingDays(LocalDate.of(2026, 3, 4), 0));
    }

    @Test
    void yearsWithoutANoticeCountMondayToFriday() {
        // Fri 2027-01-01 is a holiday in reality, but no notice is seeded: Monday–Friday it is.
        assertEquals(LocalDate.of(2027, 1, 1), calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1));
        assertEquals(LocalDate.of(2027, 1, 4), calendar.addWorkingDays(LocalDate.of(2027, 1, 1), 1));
    }

    @Test
    void workingDaysBetweenCountsTheDaysAfterTheStart() {
        assertEquals(5, calendar.workingDaysBetween(LocalDate.of(2025, 9, 25), LocalDate.of(2025, 10, 9)));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8)));
    }
}
