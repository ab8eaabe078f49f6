package app.banhao.application.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Decided history for {@link CompletionHistoryTest}, written in SQL: clones of an open case with chosen submission
 * and decision days, and a working-day calendar of the test's own (the exceptions table, read directly) to count
 * the expected days by, so the test does not check the app's calendar against itself.
 */
final class CompletionHistorySeeds {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DataSource jdbc;

    CompletionHistorySeeds(DataSource jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Decided clones of {@code template}, one per duration, all submitted on the working day before the latest holiday
     * in the window (or 60 days ago when the calendar has none) and decided that many working days later.
     */
    LocalDate seed(String template, int[] durations, String state) throws Exception {
        LocalDate submitted = submissionDay();
        for (int i = 0; i < durations.length; i++) {
            cloneDecided(template, "H" + i, submitted, add(submitted, durations[i]), state);
        }
        return submitted;
    }

    void cloneDecided(String template, String suffix, LocalDate submitted, LocalDate decided, String state) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO application (id,"
                + " application_no, resident_id, item_code, item_name, department_code, state, form_data, submitted_at, accepted_at,"
                + " due_date, decided_at, query_code, filed_by, created_at, updated_at, version) SELECT gen_random_uuid(),"
                + " application_no || ?, resident_id, item_code, item_name, department_code, ?, form_data, ?, ?, ?, ?, query_code,"
                + " filed_by, created_at, updated_at, 3 FROM application WHERE application_no = ?")) {
            s.setString(1, "-" + suffix);
            s.setString(2, state);
            s.setObject(3, at(submitted, 10));
            s.setObject(4, at(submitted, 11));
            s.setObject(5, add(submitted, 2));
            s.setObject(6, at(decided, 16));
            s.setString(7, template);
            assertEquals(1, s.executeUpdate());
        }
    }

    static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
    }

    private LocalDate submissionDay() throws Exception {
        LocalDate today = today();
        LocalDate holiday = null;
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement("SELECT max(day) FROM working_calendar_day"
                + " WHERE NOT working AND extract(isodow FROM day) < 6 AND day BETWEEN ? AND ?")) {
            s.setObject(1, today.minusDays(150));
            s.setObject(2, today.minusDays(25));
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && r.getObject(1) != null) {
                    holiday = r.getObject(1, LocalDate.class);
                }
            }
        }
        LocalDate day = holiday == null ? today.minusDays(60) : holiday;
        do {
            day = day.minusDays(1);
        } while (!isWorkingDay(day));
        return day;
    }

    // --- the test's own working-day calendar ---

    private Map<LocalDate, Boolean> exceptions;

    private boolean isWorkingDay(LocalDate day) throws Exception {
        if (exceptions == null) {
            exceptions = new HashMap<>();
            try (Connection c = jdbc.getConnection(); ResultSet r = c.createStatement().executeQuery(
                    "SELECT day, working FROM working_calendar_day")) {
                while (r.next()) {
                    exceptions.put(r.getObject(1, LocalDate.class), r.getBoolean(2));
                }
            }
        }
        Boolean exception = exceptions.get(day);
        return exception != null ? exception : day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    LocalDate add(LocalDate from, int workingDays) throws Exception {
        LocalDate day = from;
        for (int left = workingDays; left > 0;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    boolean holidayWithin(LocalDate from, LocalDate to) throws Exception {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (exceptions.containsKey(d)) {
                return true;
            }
        }
        return false;
    }

    static int weekdaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            n += d.getDayOfWeek().getValue() < 6 ? 1 : 0;
        }
        return n;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    int update(String sql, Object... args) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    Integer decisionWorkingDays(String no) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT decision_working_days FROM application WHERE application_no = ?")) {
            s.setString(1, no);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getObject(1, Integer.class);
            }
        }
    }
}
