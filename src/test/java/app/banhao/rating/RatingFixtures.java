package app.banhao.rating;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Finished cases, ratings and rectifications for 好差评 tests, made through the API. */
public final class RatingFixtures {

    public static final String BAD = "{\"level\":\"DISSATISFIED\",\"indicators\":{\"efficiency\":\"DISSATISFIED\","
            + "\"guideAccuracy\":\"BASICALLY_SATISFIED\"},\"reasons\":[\"MULTIPLE_TRIPS\",\"GUIDE_INACCURATE\"],"
            + "\"comment\":\"指南没写要带原件，跑了两趟\"}";
    public static final String GOOD = "{\"level\":\"VERY_SATISFIED\"}";

    private RatingFixtures() {
    }

    /** A fresh department code. */
    public static String department() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** An application of {@code resident} to {@code department}'s item, submitted, accepted and approved. */
    public static String finished(String resident, String department) {
        var dept = ApplicationFixtures.department(department, false);
        String no = ApplicationFixtures.submitted(resident, dept.item());
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
        ApplicationFixtures.act(dept.reviewer(), no, "approve", "{\"note\":\"准予\"}").statusCode(200);
        return no;
    }

    public static io.restassured.response.ValidatableResponse rate(String resident, String no, String body) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON).body(body)
                .post("/api/v1/me/ratings/APPLICATION/" + no).then();
    }

    /** A finished case of {@code department} rated 不满意: the resident's view of the rating. */
    public static JsonPath badlyRated(String resident, String department) {
        String no = finished(resident, department);
        return rate(resident, no, BAD).statusCode(201).extract().jsonPath();
    }

    public static String reviewer(String department) {
        return TestTokens.staff(UUID.randomUUID().toString(), department, TokenClaims.REVIEWER);
    }

    public static String admin(String department) {
        return TestTokens.staff(UUID.randomUUID().toString(), department, TokenClaims.ADMIN);
    }

    /** The rectification of the rating {@code ratingId}, as the department sees it. */
    public static JsonPath rectificationOf(String reviewer, String ratingId) {
        String id = given().auth().oauth2(reviewer).queryParam("limit", 100).get("/api/v1/staff/ratings").then().statusCode(200)
                .extract().path("items.find { it.id == '" + ratingId + "' }.rectificationId");
        return given().auth().oauth2(reviewer).get("/api/v1/staff/rectifications/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static io.restassured.response.ValidatableResponse step(String reviewer, JsonPath rectification, String step,
            String body) {
        return given().auth().oauth2(reviewer).header("If-Match", "\"" + rectification.getLong("version") + "\"")
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/staff/rectifications/" + rectification.getString("id") + "/" + step).then();
    }

    /** Makes the rectification {@code id} overdue and runs the overdue job, as the scheduler would. */
    public static void overdue(String id) {
        try (java.sql.Connection c = io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get().getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(
                        "UPDATE rating_rectification SET due_on = current_date - 3 WHERE id = ?::uuid")) {
            s.setString(1, id);
            s.executeUpdate();
            OverdueRectifications job = io.quarkus.arc.Arc.container().instance(OverdueRectifications.class).get();
            app.banhao.testing.OutboxSteps.await(job::flagOverdue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
