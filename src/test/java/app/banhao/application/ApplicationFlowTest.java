package app.banhao.application;

import static app.banhao.application.ApplicationFixtures.PDF;
import static app.banhao.application.ApplicationFixtures.PNG;
import static app.banhao.application.ApplicationFixtures.act;
import static app.banhao.application.ApplicationFixtures.draft;
import static app.banhao.application.ApplicationFixtures.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.core.Application;
import app.banhao.application.progress.RedisApplicationEvents;
import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.platform.paging.PageRequest;
import app.banhao.testing.Logins;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The whole case: draft, submit, accept, 补正 with the clock paused, approve; timeline, inbox, audit, live events. */
@QuarkusTest
class ApplicationFlowTest {

    @Inject
    app.banhao.platform.events.OutboxRelay relay;

    @Inject
    WorkingCalendar calendar;

    @Inject
    DataSource jdbc;

    @Inject
    RedisDataSource redis;

    @Test
    void aCaseRunsFromDraftToApprovalWithTheClockPausedDuringSupplement() throws Exception {
        var dept = ApplicationFixtures.department(false);
        String phone = Logins.newPhone();
        String resident = Logins.resident(phone).getString("accessToken");
        String residentId = given().auth().oauth2(resident).get("/api/v1/me").then().extract().path("id");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        JsonPath created = draft(resident, dept.item());
        String no = created.getString("applicationNo");
        assertTrue(no.matches("430000" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "[0-9]{8}"), no);
        assertEquals("DRAFT", created.getString("state"));

        // Nothing supplied: the two non-tolerated materials are named; the tolerated one is not.
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(422)
                .body("code", equalTo("MATERIALS_MISSING"))
                .body("errors.field", containsInAnyOrder("materials[申请书]", "materials[身份证]"));
        // A bad form is named field by field.
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"formData\":{\"phone\":\"12\",\"extra\":1}}")
                .patch("/api/v1/applications/" + no).then().statusCode(200);
        upload(resident, no, "申请书", PDF, "form.pdf");
        upload(resident, no, "身份证", PNG, "id.png");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(422)
                .body("code", equalTo("FORM_DATA_INVALID"))
                .body("errors.field", containsInAnyOrder("formData.applicantName", "formData.phone", "formData.extra"));
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"formData\":" + ApplicationFixtures.FORM + "}")
                .patch("/api/v1/applications/" + no).then().statusCode(200);

        LocalDate due = calendar.addWorkingDays(today, 2);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("dueDate", equalTo(due.toString()))
                .body("workingDaysLeft", equalTo(2))
                .body("predictedCompletionDate", equalTo(due.toString()))
                .body("materials.find { it.name == '场所证明' }.kind", equalTo("TOLERATED"))
                .body("materials.find { it.name == '场所证明' }.supplyBy",
                        equalTo(calendar.addWorkingDays(today, 5).toString()));

        // The worklist shows it, due within two working days, not overdue.
        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications").then().statusCode(200)
                .body("items.find { it.applicationNo == '" + no + "' }.dueSoon", equalTo(true))
                .body("items.find { it.applicationNo == '" + no + "' }.overdue", equalTo(false));

        // Live events: the accept is published on the resident's channel.
        List<String> published = new CopyOnWriteArrayList<>();
        var subscriber = redis.pubsub(String.class).subscribe(RedisApplicationEvents.channel(UUID.fromString(residentId)),
                published::add);
        try {
            act(dept.reviewer(), no, "accept", "{\"note\":\"材料齐全\"}").statusCode(200)
                    .body("application.state", equalTo("ACCEPTED"))
                    .body("application.acceptedAt", notNullValue())
                    .body("applicant.phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (published.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(published.stream().anyMatch(m -> m.contains(no) && m.contains("\"toState\":\"ACCEPTED\"")),
                    "published: " + published);
        } finally {
            subscriber.unsubscribe();
        }

        act(dept.reviewer(), no, "request-supplement", "{\"missing\":[\"场所证明\"],\"note\":\"请补充租赁协议\"}").statusCode(200)
                .body("application.state", equalTo("SUPPLEMENT_REQUIRED"))
                .body("application.clockStopped", equalTo(true))
                .body("application.supplementRequest.missing", equalTo(List.of("场所证明")))
                .body("application.supplementRequest.deadline", equalTo(calendar.addWorkingDays(today, 5).toString()));

        // Three working days pass while the resident gathers the material.
        LocalDate stoppedOn = today;
        while (calendar.workingDaysBetween(stoppedOn, today) < 3) {
            stoppedOn = stoppedOn.minusDays(1);
        }
        try (Connection c = jdbc.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE application SET clock_stopped_on = ? WHERE application_no = ?")) {
            s.setObject(1, stoppedOn);
            s.setString(2, no);
            assertEquals(1, s.executeUpdate());
        }
        LocalDate movedDue = calendar.addWorkingDays(due, 3);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("dueDate", equalTo(due.toString()))
                .body("predictedCompletionDate", equalTo(movedDue.toString()))
                .body("promisedCompletionDate", equalTo(movedDue.toString()))
                .body("predictionBasis", equalTo("PROMISE"))
                .body("stoppedWorkingDays", equalTo(3));

        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/supplement").then().statusCode(422)
                .body("code", equalTo("MATERIALS_MISSING")).body("errors.field", equalTo(List.of("materials[场所证明]")));
        upload(resident, no, "场所证明", PDF, "lease.pdf");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"note\":\"已补充\"}")
                .post("/api/v1/applications/" + no + "/supplement").then().statusCode(200)
                .body("state", equalTo("ACCEPTED"))
                .body("clockStopped", equalTo(false))
                .body("dueDate", equalTo(movedDue.toString()))
                .body("stoppedWorkingDays", equalTo(3))
                .body("materials.find { it.name == '场所证明' }.kind", equalTo("UPLOAD"));

        act(dept.reviewer(), no, "approve", "{\"note\":\"准予\"}").statusCode(200)
                .body("application.state", equalTo("APPROVED"))
                .body("application.decidedAt", notNullValue())
                .body("application.workingDaysLeft", nullValue());

        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.type", equalTo(List.of("CREATED", "SUBMITTED", "ACCEPTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "APPROVED")))
                .body("items.actorKind", equalTo(List.of("RESIDENT", "RESIDENT", "STAFF", "STAFF", "RESIDENT", "STAFF")))
                .body("items[3].note", equalTo("补正：场所证明；请补充租赁协议"))
                .body("items[4].fromState", equalTo("SUPPLEMENT_REQUIRED"))
                .body("items[4].toState", equalTo("ACCEPTED"));

        // One message per transition, newest first; read marks stick; English on request. The decided case also brings
        // the invitation to rate it (好差评), a message of its own, delivered in a later round.
        app.banhao.testing.faults.Await.until(java.time.Duration.ofSeconds(15), "the invitation to rate in the inbox", () -> {
            try {
                app.banhao.testing.OutboxSteps.drain(relay);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return given().auth().oauth2(resident).get("/api/v1/me/messages").then().extract().jsonPath()
                    .getList("items").size() == 6;
        });
        var inbox = given().auth().oauth2(resident).header("Accept-Language", "en").get("/api/v1/me/messages").then()
                .statusCode(200).body("items", hasSize(6))
                .body("items.findAll { it.state != null }.state",
                        equalTo(List.of("APPROVED", "ACCEPTED", "SUPPLEMENT_REQUIRED", "ACCEPTED", "SUBMITTED")))
                .body("items.find { it.state == 'APPROVED' }.title", equalTo("Application approved"))
                .body("items.find { it.state == null }.title", equalTo("Please rate the service you received"))
                .body("items.read", not(hasItem(true))).extract().jsonPath();
        given().auth().oauth2(resident).post("/api/v1/me/messages/" + inbox.getString("items.find { it.state == 'APPROVED' }.id")
                + "/read").then()
                .statusCode(200).body("read", equalTo(true)).body("title", equalTo("办件已办结（准予）"))
                .body("body", equalTo(created.getString("itemName") + "（" + no + "）：准予"));
        given().auth().oauth2(resident).queryParam("unread", true).queryParam("limit", 2).get("/api/v1/me/messages").then()
                .statusCode(200).body("items", hasSize(2)).body("items[0].state", nullValue())
                .body("items[1].state", equalTo("ACCEPTED")).body("nextCursor", notNullValue());

        given().auth().oauth2(resident).queryParam("state", "APPROVED").get("/api/v1/applications").then().statusCode(200)
                .body("items.applicationNo", equalTo(List.of(no)));
        given().auth().oauth2(resident).queryParam("state", "DRAFT").get("/api/v1/applications").then().statusCode(200)
                .body("items", hasSize(0));

        // Every staff read of the applicant's data is in the audit log, and so is every staff change.
        // act() reads the case (for its version) before each of the three staff transitions.
        assertEquals(3, count("SELECT count(*) FROM audit_log WHERE action = 'application.staff-read' AND target_id = ?", no));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'application.approved' AND target_id = ?", no));
    }

    @Test
    void myListIsCursorPagedNewestFirst() {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(0, draft(resident, dept.item()).getString("applicationNo"));
        }
        var first = given().auth().oauth2(resident).queryParam("limit", 2).get("/api/v1/applications").then().statusCode(200)
                .body("items.applicationNo", equalTo(made.subList(0, 2))).extract().jsonPath();
        given().auth().oauth2(resident).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/applications").then().statusCode(200)
                .body("items.applicationNo", equalTo(made.subList(2, 3))).body("nextCursor", nullValue());
        given().auth().oauth2(resident).queryParam("cursor", "garbage").get("/api/v1/applications").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        // The catalogue's cursor (a name and a code) in the same envelope: not this list's position, not a server error.
        String catalogues = PageRequest.encode(new PageRequest.Cursor("户口迁移", "ITEM-1"));
        given().auth().oauth2(resident).queryParam("cursor", catalogues).get("/api/v1/applications").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR")).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anUnknownOrRetiredItemCannotBeAppliedFor() {
        String resident = Logins.newResidentToken();
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"itemCode\":\"NO-SUCH-ITEM\"}")
                .post("/api/v1/applications").then().statusCode(422)
                .body("code", equalTo("ITEM_NOT_AVAILABLE")).body("errors[0].field", equalTo("itemCode"));
        given().contentType(ContentType.JSON).body("{\"itemCode\":\"NO-SUCH-ITEM\"}")
                .post("/api/v1/applications").then().statusCode(401);
        given().auth().oauth2(resident).get("/api/v1/applications").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(resident).get("/api/v1/applications/4300002026010100000001").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("detail", matchesPattern(".+"));
    }

    private long count(String sql, String arg) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
