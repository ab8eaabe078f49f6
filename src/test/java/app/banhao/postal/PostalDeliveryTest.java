package app.banhao.postal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.CaseEvent;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Postal delivery of a result, end to end in local mode: chosen before the result with an address from the book,
 * requested on approval through the outbox, ordered with the local carrier's waybill, on the timeline and in the inbox.
 */
@QuarkusTest
class PostalDeliveryTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    DataSource jdbc;

    @Test
    void anApprovedResultIsOrderedOnceWithAWaybillOnTheTimelineAndInTheInbox() throws Exception {
        String resident = Logins.newResidentToken();
        var dept = PostalFixtures.department();
        String no = ApplicationFixtures.submitted(resident, dept.item());

        String chosen = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body(PostalFixtures.choice(PostalFixtures.address(resident)))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                .body("state", equalTo("AWAITING_RESULT")).body("applicationNo", equalTo(no))
                .body("recipient", equalTo("张**")).body("phone", equalTo("139****5678"))
                .body("regionCode", equalTo("430102")).body("waybillNo", nullValue())
                .extract().asString();
        assertFalse(chosen.contains("13912345678") || chosen.contains(PostalFixtures.DETAIL), chosen);
        try (Connection c = jdbc.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT detail_enc FROM postal_delivery WHERE application_no = ?")) {
            q.setString(1, no);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                assertFalse(new String(row.getBytes(1), java.nio.charset.StandardCharsets.UTF_8).contains("五一大道"),
                        "the address is encrypted at rest");
            }
        }

        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
        ApplicationFixtures.act(dept.reviewer(), no, "approve", "{\"note\":\"准予\"}").statusCode(200);
        OutboxSteps.drain(relay);
        OutboxSteps.drain(relay);

        String waybill = given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                .body("state", equalTo("ORDERED")).body("carrier", equalTo("LOCAL"))
                .body("waybillNo", matchesPattern("LC[0-9]{11}")).body("detail", not(equalTo(PostalFixtures.DETAIL)))
                .extract().path("waybillNo");
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.kind", hasItem("PARCEL_ORDERED")).body("items.text", hasItem("办理结果已交邮寄（LOCAL），运单号 " + waybill));
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.title", hasItem("办理结果已交邮政寄递"));

        // The approval delivered again (at-least-once) requests nothing more.
        CaseEvent again = new CaseEvent(CaseEvent.APPROVED, no, applicationId(no), residentId(resident), dept.item(), "测试", dept.code(),
                ApplicationStatus.ACCEPTED, ApplicationStatus.APPROVED, "APPROVED", null, 9, OffsetDateTime.now(), "SYSTEM", null,
                null, null);
        OutboxSteps.publish(outbox, again);
        OutboxSteps.drain(relay);
        OutboxSteps.drain(relay);
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'PostalDeliveryRequested' AND payload->>'applicationNo' = ?", no));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'PostalDeliveryOrdered' AND payload->>'applicationNo' = ?", no));

        // Once the result is out, postal delivery can no longer be chosen (a delivery under way may only be re-addressed,
        // PostalChangesTest).
        String other = ApplicationFixtures.submitted(resident, dept.item());
        ApplicationFixtures.act(dept.reviewer(), other, "accept", "{}").statusCode(200);
        ApplicationFixtures.act(dept.reviewer(), other, "approve", "{}").statusCode(200);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(PostalFixtures.choice(PostalFixtures.address(resident)))
                .put("/api/v1/applications/" + other + "/delivery").then().statusCode(409)
                .body("code", equalTo("DELIVERY_TOO_LATE")).body("detail", org.hamcrest.Matchers.containsString("APPROVED"));
    }

    @Test
    void anItemWhoseResultIsNotPostedRefusesTheChoice() {
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, ApplicationFixtures.department(false).item()).getString("applicationNo");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(PostalFixtures.choice(PostalFixtures.address(resident)))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(422)
                .body("code", equalTo("POSTAL_NOT_OFFERED")).body("errors[0].field", equalTo("applicationNo"));
    }

    @Test
    void anotherResidentsAddressIsNotFoundAndNothingIsChosen() {
        String resident = Logins.newResidentToken();
        String stranger = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, PostalFixtures.department().item()).getString("applicationNo");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(PostalFixtures.choice(PostalFixtures.address(stranger)))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(404);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(404);
    }

    @Test
    void theAddressCanBeChangedBeforeTheResult() {
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, PostalFixtures.department().item()).getString("applicationNo");
        String first = given().auth().oauth2(resident).contentType(ContentType.JSON).body(PostalFixtures.choice(PostalFixtures.address(resident)))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(200).extract().path("id");
        String other = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body(PostalFixtures.ADDRESS.replace("430102", "430521")).post("/api/v1/me/addresses").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(PostalFixtures.choice(other))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                .body("id", equalTo(first)).body("regionCode", equalTo("430521"));
    }

    private static UUID residentId(String token) {
        return UUID.fromString(given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("id"));
    }

    private UUID applicationId(String no) throws Exception {
        try (Connection c = jdbc.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT id FROM application WHERE application_no = ?")) {
            q.setString(1, no);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private long count(String sql, String no) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, no);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
