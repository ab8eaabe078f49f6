package app.banhao.application.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.progress.CompletionPrediction;
import app.banhao.application.progress.CompletionStats;
import app.banhao.application.progress.LateWarnings;
import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/**
 * Predicted completion from seeded history (issue 11): decided cases cloned in SQL with submission and decision days
 * around the official calendar's holidays, the statistics refreshed, then the detail and the late warning checked.
 * Expected working days are counted here by a calendar of the test's own (the exceptions table, read directly).
 */
@QuarkusTest
class CompletionHistoryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 20 durations in working days; nearest-rank P80 is the 16th: 6. */
    private static final int[] TWENTY = { 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 6, 7, 7, 8, 9 };
    private static final int P80 = 6;

    @Inject
    DataSource jdbc;

    @Inject
    CompletionStats stats;

    @Inject
    LateWarnings warnings;

    @Test
    void twentyDecidedCasesPredictFromTheirP80OnTheWorkingDayCalendar() throws Throwable {
        Case open = openCase();
        LocalDate submitted = seed(open.no(), TWENTY, "APPROVED");
        refresh();

        LocalDate today = today();
        JsonPath detail = detail(open);
        assertEquals("HISTORY", detail.getString("predictionBasis"));
        assertEquals(20, detail.getInt("predictionCaseCount"));
        assertEquals(add(today, P80).toString(), detail.getString("predictedCompletionDate"));
        assertEquals(add(today, 2).toString(), detail.getString("promisedCompletionDate"), "the promise: 2 working days");
        assertEquals(detail.getString("dueDate"), detail.getString("promisedCompletionDate"));
        // The history spans holidays: counting Monday to Friday would have given another P80.
        if (holidayWithin(submitted, add(submitted, 9))) {
            int[] weekdays = new int[TWENTY.length];
            for (int i = 0; i < TWENTY.length; i++) {
                weekdays[i] = weekdaysBetween(submitted, add(submitted, TWENTY[i]));
            }
            assertNotEquals(P80, CompletionPrediction.History.of(java.util.Arrays.stream(weekdays).sorted().toArray())
                    .p80WorkingDays(), "the seeds do not tell calendars apart");
        }
        // The reviewer of the department sees the same.
        given().auth().oauth2(open.dept().reviewer()).get("/api/v1/staff/applications/" + open.no()).then().statusCode(200)
                .body("application.predictionBasis", equalTo("HISTORY"))
                .body("application.predictedCompletionDate", equalTo(add(today, P80).toString()));
    }

    @Test
    void nineteenCasesInTheWindowFallBackToThePromise() throws Throwable {
        Case open = openCase();
        LocalDate submitted = seed(open.no(), java.util.Arrays.copyOf(TWENTY, 19), "APPROVED");
        // Neither a case decided 200 days ago nor a withdrawn one counts.
        cloneDecided(open.no(), "OLD", today().minusDays(205), today().minusDays(200), "APPROVED");
        update("UPDATE application SET decision_working_days = 3 WHERE application_no = ?", open.no() + "-OLD");
        cloneDecided(open.no(), "WD", submitted, add(submitted, 3), "WITHDRAWN");
        refresh();

        JsonPath detail = detail(open);
        assertEquals("PROMISE", detail.getString("predictionBasis"));
        assertEquals(19, detail.getInt("predictionCaseCount"));
        assertEquals(detail.getString("dueDate"), detail.getString("predictedCompletionDate"));
    }

    @Test
    void theLegalTimeLimitCapsThePredictionAndALateCaseIsWarnedOnce() throws Throwable {
        Case open = openCase();
        seed(open.no(), TWENTY, "REJECTED");
        update("UPDATE catalog_item SET legal_days = 4 WHERE code = ?", open.dept().item());
        refresh();

        JsonPath detail = detail(open);
        assertEquals("HISTORY", detail.getString("predictionBasis"));
        assertEquals(add(today(), 4).toString(), detail.getString("predictedCompletionDate"), "capped at 4 legal days, not P80 6");

        // Prediction (4) past the promise (2): two nodes at once, then a third run: one message, one timeline entry.
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(this::warn);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(this::warn);
        assertTrue(a.get() + b.get() >= 1);
        warn();
        assertEquals(1, lateMessages(open).size(), "exactly one warning");
        assertEquals("办件可能延期办结", lateMessages(open).get(0).get("title"));
        assertTrue(String.valueOf(lateMessages(open).get(0).get("body")).contains("晚于承诺的 " + add(today(), 2)),
                "the body explains: " + lateMessages(open).get(0).get("body"));
        given().auth().oauth2(open.resident()).get("/api/v1/applications/" + open.no() + "/timeline").then().statusCode(200)
                .body("items.findAll { it.type == 'LATE_WARNING' }.size()", equalTo(1));
        given().auth().oauth2(open.resident()).header("Accept-Language", "en").get("/api/v1/me/messages").then().statusCode(200)
                .body("items.find { it.applicationNo == '" + open.no() + "' && it.title == 'Your application may be completed late' }",
                        org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aCaseOnTrackIsNotWarnedOneDueWithinAWorkingDayIs() throws Throwable {
        Case onTrack = openCase();
        int[] quick = new int[20];
        java.util.Arrays.fill(quick, 1);
        seed(onTrack.no(), quick, "APPROVED");
        // Same item, another case: its promise is one working day away (it was submitted long ago).
        String dueSoon = ApplicationFixtures.submitted(onTrack.resident(), onTrack.dept().item());
        update("UPDATE application SET submitted_at = ?, due_date = ? WHERE application_no = ?", at(today().minusDays(14), 10),
                add(today(), 1), dueSoon);
        refresh();

        assertEquals("HISTORY", detail(onTrack).getString("predictionBasis"));
        assertEquals(add(today(), 1).toString(), detail(onTrack).getString("predictedCompletionDate"), "faster than promised");
        warn();
        warn();
        assertEquals(0, lateMessages(onTrack).size(), "on track: no warning");
        List<Map<String, Object>> soon = lateMessages(new Case(dueSoon, onTrack.resident(), onTrack.dept()));
        assertEquals(1, soon.size(), "one working day left: one warning");
        assertTrue(String.valueOf(soon.get(0).get("body")).contains("仅剩 1 个工作日"), String.valueOf(soon.get(0).get("body")));

        // A case decided through the workflow keeps the working days it took (same day: 0).
        ApplicationFixtures.act(onTrack.dept().reviewer(), onTrack.no(), "accept", "{}").statusCode(200);
        ApplicationFixtures.act(onTrack.dept().reviewer(), onTrack.no(), "approve", "{}").statusCode(200);
        assertEquals(Integer.valueOf(0), decisionWorkingDays(onTrack.no()));
    }

    // --- the case under test and its history ---

    private record Case(String no, String resident, ApplicationFixtures.Dept dept) {
    }

    private static Case openCase() {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        return new Case(ApplicationFixtures.submitted(resident, dept.item()), resident, dept);
    }

    /**
     * Decided clones of {@code template}, one per duration, all submitted on the working day before the latest holiday
     * in the window (or 60 days ago when the calendar has none) and decided that many working days later.
     */
    private LocalDate seed(String template, int[] durations, String state) throws Exception {
        LocalDate submitted = submissionDay();
        for (int i = 0; i < durations.length; i++) {
            cloneDecided(template, "H" + i, submitted, add(submitted, durations[i]), state);
        }
        return submitted;
    }

    private void cloneDecided(String template, String suffix, LocalDate submitted, LocalDate decided, String state) throws Exception {
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

    private static OffsetDateTime at(LocalDate day, int hour) {
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

    private LocalDate add(LocalDate from, int workingDays) throws Exception {
        LocalDate day = from;
        for (int left = workingDays; left > 0;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    private boolean holidayWithin(LocalDate from, LocalDate to) throws Exception {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (exceptions.containsKey(d)) {
                return true;
            }
        }
        return false;
    }

    private static int weekdaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            n += d.getDayOfWeek().getValue() < 6 ? 1 : 0;
        }
        return n;
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    // --- the app ---

    private void refresh() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> stats.refresh(true));
    }

    private int warn() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> warnings.warnAll());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath detail(Case c) {
        return given().auth().oauth2(c.resident()).get("/api/v1/applications/" + c.no()).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> lateMessages(Case c) {
        return given().auth().oauth2(c.resident()).queryParam("limit", 100).get("/api/v1/me/messages").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.applicationNo == '" + c.no() + "' && it.title == '办件可能延期办结' }");
    }

    private int update(String sql, Object... args) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    private Integer decisionWorkingDays(String no) throws Exception {
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
