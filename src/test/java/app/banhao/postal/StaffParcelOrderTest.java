package app.banhao.postal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Staff of the case's department post something to the resident (a re-issued licence): the address they give is
 * encrypted at rest and masked in answers, the order goes through the outbox to the carrier like the result's, the
 * case timeline and the inbox say so; a retried create makes one parcel; another department's staff get 404.
 */
@QuarkusTest
class StaffParcelOrderTest {

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource jdbc;

    @Test
    void staffPostAReissuedLicenceThroughTheOutboxOnTheTimelineAndInTheInbox() throws Exception {
        String resident = Logins.newResidentToken();
        var dept = PostalFixtures.department();
        String no = approved(resident, dept);
        String key = UUID.randomUUID().toString();

        String answer = create(dept.reviewer(), no, key, PostalFixtures.staffOrder("补发营业执照（副本）")).statusCode(201)
                .body("state", equalTo("REQUESTED")).body("kind", equalTo("STAFF_ORDER")).body("applicationNo", equalTo(no))
                .body("recipient", equalTo("张**")).body("regionCode", equalTo("430102")).extract().asString();
        assertFalse(answer.contains("13912345678") || answer.contains(PostalFixtures.DETAIL), answer);
        String id = new io.vertx.core.json.JsonObject(answer).getString("id");
        // A retry with the same key is the first answer, nothing more; the same key with another body is refused.
        create(dept.reviewer(), no, key, PostalFixtures.staffOrder("补发营业执照（副本）")).statusCode(201).body("id", equalTo(id));
        create(dept.reviewer(), no, key, PostalFixtures.staffOrder("补发营业执照（正本）")).statusCode(422);
        assertEquals(1, count("SELECT count(*) FROM postal_delivery WHERE application_no = '" + no + "'"));
        assertFalse(text("SELECT detail_enc FROM postal_delivery WHERE id = '" + id + "'").contains("五一大道"),
                "the address is encrypted at rest");

        List<String> kinds = PostalFixtures.timelineOnceItHas(relay, resident, no, "部门安排寄递：补发营业执照（副本）");
        assertEquals(true, kinds.contains("PARCEL_ARRANGED"), kinds.toString());
        String waybill = waybillOnDesk(dept.reviewer(), id);
        PostalFixtures.timelineOnceItHas(relay, resident, no, "办理结果已交邮寄（LOCAL），运单号 " + waybill);
        inboxOnceItHas(resident, "办理结果已交邮政寄递");
        // A second parcel for the same case is a parcel of its own.
        String second = create(dept.reviewer(), no, UUID.randomUUID().toString(), PostalFixtures.staffOrder("补发许可证"))
                .statusCode(201).extract().path("id");
        assertNotEquals(id, second);
        // The case's own result delivery is untouched (none was chosen).
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(404);
    }

    @Test
    void anotherDepartmentADraftAndAResidentAreRefused() {
        String resident = Logins.newResidentToken();
        var dept = PostalFixtures.department();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String body = PostalFixtures.staffOrder("补发营业执照");

        create(PostalFixtures.department().reviewer(), no, null, body).statusCode(404);
        String draft = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        create(dept.reviewer(), draft, null, body).statusCode(404);
        create(resident, no, null, body).statusCode(403);
        create(dept.reviewer(), no, null, body.replace("13912345678", "12")).statusCode(422);
        assertEquals(0, count("SELECT count(*) FROM postal_delivery WHERE application_no = '" + no + "'"));
    }

    static String approved(String resident, ApplicationFixtures.Dept dept) {
        String no = ApplicationFixtures.submitted(resident, dept.item());
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
        ApplicationFixtures.act(dept.reviewer(), no, "approve", "{}").statusCode(200);
        return no;
    }

    private static ValidatableResponse create(String staff, String no, String key, String body) {
        var request = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/staff/postal/applications/" + no + "/deliveries").then();
    }

    /** The waybill once the dispatch desk lists {@code id} as ORDERED (the relay orders it). */
    private String waybillOnDesk(String reviewer, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            OutboxSteps.drain(relay);
            var listed = given().auth().oauth2(reviewer).queryParam("view", "ORDERED").get("/api/v1/staff/postal/deliveries")
                    .then().statusCode(200).extract();
            String waybill = listed.path("items.find { it.id == '" + id + "' }.waybillNo");
            if (waybill != null || System.currentTimeMillis() > deadline) {
                given().auth().oauth2(reviewer).queryParam("view", "ORDERED").get("/api/v1/staff/postal/deliveries").then()
                        .body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.kind", equalTo("STAFF_ORDER"));
                return waybill;
            }
            Thread.sleep(50);
        }
    }

    static void inboxOnceItHas(String resident, String title) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200).extract()
                .<List<String>>path("items.title").contains(title) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().body("items.title", hasItem(title));
    }

    private long count(String sql) {
        try (Connection c = jdbc.getConnection(); PreparedStatement q = c.prepareStatement(sql); ResultSet row = q.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String sql) {
        try (Connection c = jdbc.getConnection(); PreparedStatement q = c.prepareStatement(sql); ResultSet row = q.executeQuery()) {
            row.next();
            return new String(row.getBytes(1), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
