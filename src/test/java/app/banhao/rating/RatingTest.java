package app.banhao.rating;

import static app.banhao.rating.RatingFixtures.BAD;
import static app.banhao.rating.RatingFixtures.GOOD;
import static app.banhao.rating.RatingFixtures.rate;
import static app.banhao.rating.RatingFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** 好差评 end to end: invitation, rating, rectification with follow-up, the resident's verdict, appeal, deadlines, figures. */
@QuarkusTest
class RatingTest {

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource jdbc;

    @Inject
    RatingDeadlines deadlines;

    @Inject
    OverdueRectifications overdue;

    @Test
    void aBadRatingIsRectifiedFollowedUpAndItsFixRatedWhichClosesIt() throws Exception {
        String resident = Logins.newResidentToken();
        String dept = RatingFixtures.department();
        String reviewer = RatingFixtures.reviewer(dept);
        String no = RatingFixtures.finished(resident, dept);

        // The decided case is on the resident's list to rate, with the 15-day window; the inbox invites them.
        given().auth().oauth2(resident).get("/api/v1/me/rating-invitations").then().statusCode(200)
                .body("items.subjectId", hasItem(no)).body("items.find { it.subjectId == '" + no + "' }.channel", equalTo("ONLINE"));
        delivered(resident, "/api/v1/me/messages", "items.find { it.applicationNo == '" + no + "' && it.state == null }");
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.find { it.applicationNo == '" + no + "' && it.state == null }.title", equalTo("请为您办理的事项评价（好差评）"));

        var rating = rate(resident, no, BAD).statusCode(201).body("level", equalTo("DISSATISFIED")).body("bad", equalTo(true))
                .body("reasons", equalTo(java.util.List.of("MULTIPLE_TRIPS", "GUIDE_INACCURATE")))
                .body("rectification.state", equalTo("OPEN")).body("amendableUntil", notNullValue())
                .extract().jsonPath();
        given().auth().oauth2(resident).get("/api/v1/me/rating-invitations").then().statusCode(200)
                .body("items.subjectId", not(hasItem(no)));

        // The department sees the review and the case, never who rated.
        String residentId = given().auth().oauth2(resident).get("/api/v1/me").then().extract().path("id");
        String staffView = given().auth().oauth2(reviewer).queryParam("bad", true).get("/api/v1/staff/ratings").then()
                .statusCode(200).body("items[0].rater", equalTo("匿名")).body("items[0].subjectId", equalTo(no))
                .extract().asString();
        assertFalse(staffView.contains(residentId), "the rater's id never reaches staff");
        JsonPath x = RatingFixtures.rectificationOf(reviewer, rating.getString("id"));
        assertEquals("OPEN", x.getString("state"));
        assertFalse(given().auth().oauth2(reviewer).get("/api/v1/staff/rectifications/" + x.getString("id")).asString()
                .contains(residentId));
        // Another department never sees it.
        given().auth().oauth2(RatingFixtures.reviewer(RatingFixtures.department()))
                .get("/api/v1/staff/rectifications/" + x.getString("id")).then().statusCode(404);

        // Not before the fix: the resident cannot rate it yet, nor can the department follow up.
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"verdict\":\"SATISFIED\"}")
                .post("/api/v1/me/ratings/APPLICATION/" + no + "/rectification-verdict").then().statusCode(409)
                .body("code", equalTo("RECTIFICATION_STATE_CONFLICT"));
        step(reviewer, x, "fix", "{\"action\":\"已在办事指南补充需携带原件\"}").statusCode(200).body("state", equalTo("FIXED"))
                .body("fixedOnTime", equalTo(true));
        step(reviewer, x, "follow-up", "{\"channel\":\"PHONE\",\"contactedAt\":\"2026-05-14T09:00:00Z\",\"result\":\"已回访\"}")
                .statusCode(412);
        JsonPath fixed = RatingFixtures.rectificationOf(reviewer, rating.getString("id"));
        step(reviewer, fixed, "follow-up", "{\"channel\":\"PHONE\",\"contactedAt\":\"2026-05-14T09:00:00Z\",\"result\":\"已回访\"}")
                .statusCode(200).body("followUp.channel", equalTo("PHONE"));

        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"verdict\":\"SATISFIED\"}")
                .post("/api/v1/me/ratings/APPLICATION/" + no + "/rectification-verdict").then().statusCode(200)
                .body("rectification.state", equalTo("CLOSED")).body("rectification.verdict", equalTo("SATISFIED"))
                .body("rectification.fix", equalTo("已在办事指南补充需携带原件"))
                .body("rectification.followUp.result", equalTo("已回访"));
        given().auth().oauth2(resident).get("/api/v1/me/ratings/APPLICATION/" + no).then().statusCode(200)
                .body("rectification.state", equalTo("CLOSED"));

        // Every step on the case timeline, the rater shown as 评价人; and in the audit log.
        delivered(resident, "/api/v1/applications/" + no + "/timeline", "items.find { it.kind == 'RECTIFICATION_CLOSED' }");
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.kind", hasItems("RATED", "RECTIFICATION_OPENED", "RECTIFICATION_FIXED", "RECTIFICATION_FOLLOWED_UP",
                        "RECTIFICATION_CLOSED"))
                .body("items.find { it.kind == 'RATED' }.text", equalTo("评价：不满意"))
                .body("items.find { it.kind == 'RATED' }.actorName", equalTo("评价人"));
        assertEquals(5, count("SELECT count(*) FROM audit_log WHERE target_id IN (?, ?) AND action LIKE 'rating.%'",
                rating.getString("id"), x.getString("id")));

        // The public figures show it.
        given().get("/api/v1/rating-stats/departments/" + dept).then().statusCode(200)
                .body("figures.ratings", equalTo(1)).body("figures.badRatings", equalTo(1))
                .body("figures.satisfactionRate", equalTo(0.0f)).body("figures.rectifiedOnTimeRate", equalTo(1.0f))
                .body("figures.followUpRate", equalTo(1.0f)).body("items[0].itemCode", equalTo(dept + "-ITEM"));
    }

    @Test
    void oneRatingPerThingAmendableOnceAndNotOutsideItsWindow() throws Exception {
        String resident = Logins.newResidentToken();
        String dept = RatingFixtures.department();
        String no = RatingFixtures.finished(resident, dept);
        rate(resident, no, GOOD).statusCode(201).body("bad", equalTo(false)).body("rectification", nullValue());
        rate(resident, no, BAD).statusCode(409).body("code", equalTo("RATING_EXISTS"));
        // Amended once into a 差评: that opens a rectification; a second amendment is refused.
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(BAD).put("/api/v1/me/ratings/APPLICATION/" + no).then()
                .statusCode(200).body("level", equalTo("DISSATISFIED")).body("rectification.state", equalTo("OPEN"))
                .body("amendableUntil", nullValue());
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(GOOD).put("/api/v1/me/ratings/APPLICATION/" + no).then()
                .statusCode(409).body("code", equalTo("RATING_AMEND_NOT_ALLOWED"));

        // Out of window: 409 naming when it closed.
        String late = RatingFixtures.finished(resident, dept);
        update("UPDATE rating_invitation SET rate_by = '2026-01-02T00:00:00Z' WHERE subject_id = ?", late);
        rate(resident, late, GOOD).statusCode(409).body("code", equalTo("RATING_WINDOW_CLOSED"))
                .body("detail", containsString("2026-01-02T00:00Z"));
        // Nothing served to me is 404; a 差评 needs a reason; staff cannot rate.
        rate(Logins.newResidentToken(), no, GOOD).statusCode(404);
        rate(resident, RatingFixtures.finished(resident, dept), "{\"level\":\"VERY_DISSATISFIED\"}").statusCode(422)
                .body("errors[0].field", equalTo("reasons"));
        rate(RatingFixtures.reviewer(dept), no, GOOD).statusCode(403);
    }

    @Test
    void anUpheldAppealTakesTheRatingOutOfTheFiguresKeepsItAndTellsTheResidentWhy() throws Exception {
        String resident = Logins.newResidentToken();
        String dept = RatingFixtures.department();
        String reviewer = RatingFixtures.reviewer(dept);
        String kept = RatingFixtures.finished(resident, dept);
        rate(resident, kept, GOOD).statusCode(201);
        JsonPath bad = RatingFixtures.badlyRated(resident, dept);
        String ratingId = bad.getString("id");
        given().get("/api/v1/rating-stats/departments/" + dept).then().statusCode(200).body("figures.ratings", equalTo(2));

        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"reason\":\"办件当日即办结，评价与事实不符\"}")
                .post("/api/v1/staff/ratings/" + ratingId + "/appeal").then().statusCode(201)
                .body("appeal.state", equalTo("PENDING")).body("rater", equalTo("匿名"));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"reason\":\"再次申诉一次试试\"}")
                .post("/api/v1/staff/ratings/" + ratingId + "/appeal").then().statusCode(409)
                .body("code", equalTo("RATING_APPEAL_NOT_ALLOWED"));
        String admin = RatingFixtures.admin("HN-ADMIN");
        given().auth().oauth2(admin).queryParam("limit", 100).get("/api/v1/admin/rating-appeals").then().statusCode(200)
                .body("items.id", hasItem(ratingId));
        // A reviewer is not an administrator.
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"outcome\":\"UPHELD\",\"reason\":\"x\"}")
                .post("/api/v1/admin/rating-appeals/" + ratingId + "/decision").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"outcome\":\"UPHELD\",\"reason\":\"经核查系统记录，办件当日办结，评价与事实不符\"}")
                .post("/api/v1/admin/rating-appeals/" + ratingId + "/decision").then().statusCode(200)
                .body("appeal.state", equalTo("UPHELD")).body("countsInStatistics", equalTo(false));

        // Kept on record, out of the figures; its rectification withdrawn; the resident told why.
        given().auth().oauth2(resident).get("/api/v1/me/ratings/APPLICATION/" + bad.getString("subjectId")).then().statusCode(200)
                .body("countsInStatistics", equalTo(false)).body("appeal.state", equalTo("UPHELD"))
                .body("appeal.decisionReason", equalTo("经核查系统记录，办件当日办结，评价与事实不符"))
                .body("appeal.reason", nullValue()).body("rectification.state", equalTo("WITHDRAWN"));
        given().get("/api/v1/rating-stats/departments/" + dept).then().statusCode(200)
                .body("figures.ratings", equalTo(1)).body("figures.badRatings", equalTo(0))
                .body("figures.satisfactionRate", equalTo(1.0f)).body("figures.appeals.upheld", equalTo(1))
                .body("figures.rectifications", equalTo(0));
        delivered(resident, "/api/v1/me/messages", "items.find { it.title == '您的一条评价经申诉复核不计入统计' }");
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.find { it.title == '您的一条评价经申诉复核不计入统计' }.body",
                        containsString("经核查系统记录，办件当日办结，评价与事实不符"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"outcome\":\"REJECTED\",\"reason\":\"x\"}")
                .post("/api/v1/admin/rating-appeals/" + ratingId + "/decision").then().statusCode(409);
    }

    @Test
    void theAppealWindowIsFiveWorkingDaysAndClosesAfter() throws Exception {
        String resident = Logins.newResidentToken();
        String dept = RatingFixtures.department();
        JsonPath bad = RatingFixtures.badlyRated(resident, dept);
        update("UPDATE rating SET appeal_by = ? WHERE id = ?::uuid", LocalDate.now().minusDays(2), bad.getString("id"));
        given().auth().oauth2(RatingFixtures.reviewer(dept)).contentType(ContentType.JSON).body("{\"reason\":\"评价与事实不符\"}")
                .post("/api/v1/staff/ratings/" + bad.getString("id") + "/appeal").then().statusCode(409)
                .body("code", equalTo("RATING_APPEAL_WINDOW_CLOSED"));
    }

    @Test
    void deadlinesCountWorkingDaysOverTheNationalHolidayAndPerDepartment() {
        // Rated Wednesday 30 September 2026: 1–7 October are the holiday, Saturday 10 October a make-up working day.
        LocalDate rated = LocalDate.of(2026, 9, 30);
        assertEquals(LocalDate.of(2026, 10, 13), deadlines.rectificationDue("ANY", rated));
        assertEquals(LocalDate.of(2026, 10, 13), deadlines.appealBy(rated));
        // A department with its own days (configured 7).
        assertEquals(LocalDate.of(2026, 10, 15), deadlines.rectificationDue("RATING-SLOW", rated));
        // Friday before a normal weekend: five working days end the next Friday.
        assertEquals(LocalDate.of(2026, 6, 12), deadlines.rectificationDue("ANY", LocalDate.of(2026, 6, 5)));
    }

    @Test
    void anOverdueRectificationIsFlaggedOnceEscalatedAndTheDepartmentToldWhateverTheNodes() throws Exception {
        String resident = Logins.newResidentToken();
        String dept = RatingFixtures.department();
        String reviewer = RatingFixtures.reviewer(dept);
        JsonPath bad = RatingFixtures.badlyRated(resident, dept);
        JsonPath x = RatingFixtures.rectificationOf(reviewer, bad.getString("id"));
        update("UPDATE rating_rectification SET due_on = ? WHERE id = ?::uuid", LocalDate.now().minusDays(3), x.getString("id"));

        // Two nodes' jobs at once: each rectification is flagged by one of them, once.
        var nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = nodes.submit(() -> OutboxSteps.await(overdue::flagOverdue));
            var b = nodes.submit(() -> OutboxSteps.await(overdue::flagOverdue));
            a.get();
            b.get();
        } finally {
            nodes.shutdown();
        }
        OutboxSteps.await(overdue::flagOverdue);
        assertEquals(1, count("SELECT count(*) FROM rating_staff_notice WHERE rectification_id = ?::uuid", x.getString("id")));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'rating.rectification.overdue' AND target_id = ?",
                x.getString("id")));

        given().auth().oauth2(reviewer).queryParam("overdue", true).get("/api/v1/staff/rectifications").then().statusCode(200)
                .body("items.id", hasItem(x.getString("id"))).body("items[0].overdue", equalTo(true));
        given().auth().oauth2(RatingFixtures.admin("HN-ADMIN")).queryParam("limit", 100).get("/api/v1/admin/rectifications/overdue")
                .then().statusCode(200).body("items.id", hasItem(x.getString("id")));
        given().auth().oauth2(reviewer).get("/api/v1/staff/rating-notices").then().statusCode(200)
                .body("items[0].topic", equalTo("RECTIFICATION_OVERDUE")).body("items[0].title", equalTo("差评整改已超期"))
                .body("items[0].body", containsString(bad.getString("subjectId")));
        // A fix after the day counts as late.
        step(reviewer, RatingFixtures.rectificationOf(reviewer, bad.getString("id")), "fix", "{\"action\":\"补充说明\"}")
                .statusCode(200).body("fixedOnTime", equalTo(false));
    }

    @Test
    void publicFiguresRankDepartmentsAreCachedAndAnswer304() {
        String dept = RatingFixtures.department();
        String resident = Logins.newResidentToken();
        rate(resident, RatingFixtures.finished(resident, dept), GOOD).statusCode(201);
        String period = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var ranking = given().queryParam("period", period).get("/api/v1/rating-stats/departments").then().statusCode(200)
                .header("ETag", notNullValue()).body("period", equalTo(period))
                .body("departments.find { it.departmentCode == '" + dept + "' }.figures.satisfactionRate", equalTo(1.0f))
                .body("departments[0].rank", equalTo(1)).extract();
        given().queryParam("period", period).header("If-None-Match", ranking.header("ETag"))
                .get("/api/v1/rating-stats/departments").then().statusCode(304);
        // A closed month is kept as first published.
        given().queryParam("period", "2025-01").get("/api/v1/rating-stats/departments/" + dept).then().statusCode(200)
                .body("figures.ratings", equalTo(0));
        assertEquals(1, countText("SELECT count(*) FROM rating_month_figures WHERE period = '2025-01' AND scope = ?",
                "department:" + dept));
        given().queryParam("period", "2026-13").get("/api/v1/rating-stats/departments").then().statusCode(422);
    }

    /**
     * Waits until what a later delivery round writes is there: an event written while another event was being
     * delivered goes out with the relay's next round, which may hold the row while a drain from here skips it.
     */
    private void delivered(String token, String path, String found) throws Exception {
        app.banhao.testing.faults.Await.until(java.time.Duration.ofSeconds(15), found + " at " + path, () -> {
            try {
                OutboxSteps.drain(relay);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return given().auth().oauth2(token).get(path).then().extract().jsonPath().get(found) != null;
        });
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private int count(String sql, String... args) throws SQLException {
        return countText(sql, args);
    }

    private int countText(String sql, String... args) {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
