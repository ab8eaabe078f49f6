package app.banhao.application.progress;

import static app.banhao.application.progress.CompletionHistorySeeds.at;
import static app.banhao.application.progress.CompletionHistorySeeds.today;
import static app.banhao.application.progress.CompletionHistorySeeds.weekdaysBetween;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
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
 * Expected working days are counted by a calendar of the test's own (see {@link CompletionHistorySeeds}).
 */
@QuarkusTest
class CompletionHistoryTest {

    /** 20 durations in working days; nearest-rank P80 is the 16th: 6. */
    private static final int[] TWENTY = { 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 6, 7, 7, 8, 9 };
    private static final int P80 = 6;

    @Inject
    DataSource jdbc;

    @Inject
    CompletionStats stats;

    @Inject
    LateWarnings warnings;

    /** Per test, as JUnit makes a new instance for each: the calendar it caches is read fresh. */
    private CompletionHistorySeeds history;

    @BeforeEach
    void seeds() {
        history = new CompletionHistorySeeds(jdbc);
    }

    @Test
    void twentyDecidedCasesPredictFromTheirP80OnTheWorkingDayCalendar() throws Throwable {
        Case open = openCase();
        LocalDate submitted = history.seed(open.no(), TWENTY, "APPROVED");
        refresh();

        LocalDate today = today();
        JsonPath detail = detail(open);
        assertEquals("HISTORY", detail.getString("predictionBasis"));
        assertEquals(20, detail.getInt("predictionCaseCount"));
        assertEquals(history.add(today, P80).toString(), detail.getString("predictedCompletionDate"));
        assertEquals(history.add(today, 2).toString(), detail.getString("promisedCompletionDate"), "the promise: 2 working days");
        assertEquals(detail.getString("dueDate"), detail.getString("promisedCompletionDate"));
        // The history spans holidays: counting Monday to Friday would have given another P80.
        if (history.holidayWithin(submitted, history.add(submitted, 9))) {
            int[] weekdays = new int[TWENTY.length];
            for (int i = 0; i < TWENTY.length; i++) {
                weekdays[i] = weekdaysBetween(submitted, history.add(submitted, TWENTY[i]));
            }
            assertNotEquals(P80, CompletionPrediction.History.of(java.util.Arrays.stream(weekdays).sorted().toArray())
                    .p80WorkingDays(), "the seeds do not tell calendars apart");
        }
        // The reviewer of the department sees the same.
        given().auth().oauth2(open.dept().reviewer()).get("/api/v1/staff/applications/" + open.no()).then().statusCode(200)
                .body("application.predictionBasis", equalTo("HISTORY"))
                .body("application.predictedCompletionDate", equalTo(history.add(today, P80).toString()));
    }

    @Test
    void nineteenCasesInTheWindowFallBackToThePromise() throws Throwable {
        Case open = openCase();
        LocalDate submitted = history.seed(open.no(), java.util.Arrays.copyOf(TWENTY, 19), "APPROVED");
        // Neither a case decided 200 days ago nor a withdrawn one counts.
        history.cloneDecided(open.no(), "OLD", today().minusDays(205), today().minusDays(200), "APPROVED");
        history.update("UPDATE application SET decision_working_days = 3 WHERE application_no = ?", open.no() + "-OLD");
        history.cloneDecided(open.no(), "WD", submitted, history.add(submitted, 3), "WITHDRAWN");
        refresh();

        JsonPath detail = detail(open);
        assertEquals("PROMISE", detail.getString("predictionBasis"));
        assertEquals(19, detail.getInt("predictionCaseCount"));
        assertEquals(detail.getString("dueDate"), detail.getString("predictedCompletionDate"));
    }

    @Test
    void theLegalTimeLimitCapsThePredictionAndALateCaseIsWarnedOnce() throws Throwable {
        Case open = openCase();
        history.seed(open.no(), TWENTY, "REJECTED");
        history.update("UPDATE catalog_item SET legal_days = 4 WHERE code = ?", open.dept().item());
        refresh();

        JsonPath detail = detail(open);
        assertEquals("HISTORY", detail.getString("predictionBasis"));
        assertEquals(history.add(today(), 4).toString(), detail.getString("predictedCompletionDate"), "capped at 4 legal days, not P80 6");

        // Prediction (4) past the promise (2): two nodes at once, then a third run: one message, one timeline entry.
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(this::warn);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(this::warn);
        assertTrue(a.get() + b.get() >= 1);
        warn();
        assertEquals(1, lateMessages(open).size(), "exactly one warning");
        assertEquals("办件可能延期办结", lateMessages(open).get(0).get("title"));
        assertTrue(String.valueOf(lateMessages(open).get(0).get("body")).contains("晚于承诺的 " + history.add(today(), 2)),
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
        history.seed(onTrack.no(), quick, "APPROVED");
        // Same item, another case: its promise is one working day away (it was submitted long ago).
        String dueSoon = ApplicationFixtures.submitted(onTrack.resident(), onTrack.dept().item());
        history.update("UPDATE application SET submitted_at = ?, due_date = ? WHERE application_no = ?", at(today().minusDays(14), 10),
                history.add(today(), 1), dueSoon);
        refresh();

        assertEquals("HISTORY", detail(onTrack).getString("predictionBasis"));
        assertEquals(history.add(today(), 1).toString(), detail(onTrack).getString("predictedCompletionDate"), "faster than promised");
        warn();
        warn();
        assertEquals(0, lateMessages(onTrack).size(), "on track: no warning");
        List<Map<String, Object>> soon = lateMessages(new Case(dueSoon, onTrack.resident(), onTrack.dept()));
        assertEquals(1, soon.size(), "one working day left: one warning");
        assertTrue(String.valueOf(soon.get(0).get("body")).contains("仅剩 1 个工作日"), String.valueOf(soon.get(0).get("body")));

        // A case decided through the workflow keeps the working days it took (same day: 0).
        ApplicationFixtures.act(onTrack.dept().reviewer(), onTrack.no(), "accept", "{}").statusCode(200);
        ApplicationFixtures.act(onTrack.dept().reviewer(), onTrack.no(), "approve", "{}").statusCode(200);
        assertEquals(Integer.valueOf(0), history.decisionWorkingDays(onTrack.no()));
    }

    // --- the case under test and its history ---

    private record Case(String no, String resident, ApplicationFixtures.Dept dept) {
    }

    private static Case openCase() {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        return new Case(ApplicationFixtures.submitted(resident, dept.item()), resident, dept);
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
}
