package app.banhao.timeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.CaseEvent;
import app.banhao.platform.events.DomainEvent;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.platform.time.BusinessClock;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import app.banhao.testing.faults.Await;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;

/** The case timeline: every feature's events about a case, in order, worded in the reader's language, with staff notes. */
@QuarkusTest
class CaseTimelineTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource jdbc;

    @Inject
    ObjectMapper json;

    @Inject
    BusinessClock clock;

    /**
     * The writer hands its own case event to the timeline and the inbox (PublishedEvent.madeAs, .as), the relay one
     * read from its payload: both must be the same event, read with the app's own mapper (times in UTC to the microsecond).
     */
    @Test
    void aCaseEventReadFromItsPayloadIsTheEventItsWriterMade() throws Exception {
        CaseEvent made = new CaseEvent(CaseEvent.SUBMITTED, "4300002026120600000001", UUID.randomUUID(), UUID.randomUUID(),
                "HN-WJW-GGCSWSXK", "公共场所卫生许可", "HN-WJW", ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED,
                "SUBMITTED", null, 2, clock.now(), "RESIDENT", UUID.randomUUID().toString(), "张*", null);
        String payload = json.writeValueAsString(made);
        assertEquals(made, json.readValue(payload, CaseEvent.class));
        assertEquals(made.caseTimeline(), json.readValue(payload, CaseTimelineOnEvents.Carried.class).entry());
    }

    @Test
    void aLaterFeaturesEventTakesItsPlaceAmongTheCasesOwnWithItsTextInTheLanguageAsked() throws Exception {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
        // A feature the timeline has never heard of announces a parcel for the case, then the case is approved.
        publish(new ParcelPosted(UUID.randomUUID().toString(), no, "SF1234567890", now()));
        ApplicationFixtures.act(dept.reviewer(), no, "approve", "{\"note\":\"准予\"}").statusCode(200);

        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.kind", contains("CREATED", "SUBMITTED", "ACCEPTED", "TEST_PARCEL_DISPATCHED", "APPROVED"))
                .body("items.type", contains("CREATED", "SUBMITTED", "ACCEPTED", "TEST_PARCEL_DISPATCHED", "APPROVED"))
                .body("items.source", contains("application", "application", "application", "test-parcel", "application"))
                .body("items[2].text", equalTo("已受理"))
                .body("items[3].text", equalTo("证照已寄出，运单号 SF1234567890"))
                .body("items[3].actorKind", equalTo("SYSTEM"))
                .body("items[3].actorName", equalTo("邮政速递"))
                .body("items[3].fromState", nullValue())
                .body("items[4].fromState", equalTo("ACCEPTED"))
                .body("items[4].toState", equalTo("APPROVED"))
                .body("items[4].note", equalTo("准予"))
                .body("items.visibility", everyItem(equalTo("RESIDENT")));
        given().auth().oauth2(resident).header("Accept-Language", "en").get("/api/v1/applications/" + no + "/timeline").then()
                .statusCode(200)
                .body("items.text", contains("Draft created", "Application submitted", "Application accepted",
                        "Certificate posted, waybill SF1234567890", "Approved"));
    }

    @Test
    void theEntryCommitsWithItsEventAndAnEventRolledBackLeavesNone() throws Exception {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        String posted = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();
        publish(new ParcelPosted(posted, no, "EMS0001", now()));
        assertThrows(IllegalStateException.class, () -> OutboxSteps.await(() -> Panache.withTransaction(
                () -> outbox.publish(new ParcelPosted(rolledBack, no, "EMS0009", now()))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed"))))));

        // No relay has run: the entry was written by the transaction that wrote the event, and nothing is owed for it.
        String eventId = single("SELECT id::text FROM outbox_event WHERE aggregate_id = ?", posted);
        assertEquals("1", single("SELECT count(*)::text FROM case_timeline_entry WHERE event_id = ?::uuid", eventId));
        assertEquals("0", single("SELECT count(*)::text FROM outbox_delivery WHERE event_id = ?::uuid", eventId));
        assertEquals("0", single("SELECT count(*)::text FROM outbox_event WHERE aggregate_id = ?", rolledBack));
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.kind", contains("CREATED", "TEST_PARCEL_DISPATCHED"))
                .body("items[1].text", equalTo("证照已寄出，运单号 EMS0001"));
    }

    @Test
    void aDeliveryQueuedBeforeOrRunAgainWritesItsEntryOnce() throws Exception {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        String parcel = UUID.randomUUID().toString();
        publish(new ParcelPosted(parcel, no, "EMS0001", now()));
        String eventId = single("SELECT id::text FROM outbox_event WHERE aggregate_id = ?", parcel);
        // A delivery to the timeline queued before it ran in the writer's transaction (as the outbox held them on the
        // day of the change), and the same delivery handed over again (as after a DONE that was lost).
        assertEquals("1", single("INSERT INTO outbox_delivery (event_id, consumer, event_seq, aggregate_key)"
                + " SELECT id, 'case-timeline', seq, aggregate_type || ':' || aggregate_id FROM outbox_event WHERE id = ?::uuid"
                + " RETURNING 1::text", eventId));
        for (int replay = 0; replay < 2; replay++) {
            drain();
            // The scheduled relay may have claimed it just before this drain looked, and deliver it a moment later.
            Await.until(Duration.ofSeconds(10), "the delivery is done", () -> "DONE".equals(single(
                    "SELECT state FROM outbox_delivery WHERE consumer = 'case-timeline' AND event_id = ?::uuid", eventId)));
            assertEquals("1", single("SELECT count(*)::text FROM case_timeline_entry WHERE event_id = ?::uuid", eventId));
            single("UPDATE outbox_delivery SET state = 'PENDING' WHERE consumer = 'case-timeline' AND event_id = ?::uuid"
                    + " RETURNING 1::text", eventId);
        }
        drain();
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.kind", contains("CREATED", "TEST_PARCEL_DISPATCHED"));
    }

    @Test
    void anEventAboutNoCaseIsNotHandedToTheTimeline() throws Exception {
        String parcel = UUID.randomUUID().toString();
        publish(new ParcelPosted(parcel, null, "EMS0002", now()));
        assertEquals("0", single("SELECT count(*)::text FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = ?", parcel));
        assertEquals("0", single("SELECT count(*)::text FROM case_timeline_entry t JOIN outbox_event e ON e.id = t.event_id"
                + " WHERE e.aggregate_id = ?", parcel));
    }

    @Test
    void staffSeeTheSameTimelineWithTheirNotesAndTheResidentNeverSeesANote() {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String base = "/api/v1/staff/applications/" + no;

        given().auth().oauth2(dept.reviewer()).contentType(ContentType.JSON).body("{\"text\":\"已电话联系申请人核实场所\"}")
                .post(base + "/notes").then().statusCode(201)
                .body("kind", equalTo("STAFF_NOTE")).body("visibility", equalTo("STAFF"))
                .body("note", equalTo("已电话联系申请人核实场所")).body("actorKind", equalTo("STAFF"))
                .body("text", equalTo("内部备注")).body("at", org.hamcrest.Matchers.notNullValue());
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);

        given().auth().oauth2(dept.reviewer()).header("Accept-Language", "en").get(base + "/timeline").then().statusCode(200)
                .body("items.kind", contains("CREATED", "SUBMITTED", "STAFF_NOTE", "ACCEPTED"))
                .body("items.visibility", contains("RESIDENT", "RESIDENT", "STAFF", "RESIDENT"))
                .body("items[2].text", equalTo("Internal note"))
                .body("items[2].note", equalTo("已电话联系申请人核实场所"));
        String seen = given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.kind", contains("CREATED", "SUBMITTED", "ACCEPTED"))
                .body("items.visibility", not(hasItem("STAFF")))
                .extract().asString();
        assertFalse(seen.contains("核实场所"), seen);
    }

    @Test
    void onlyTheOwnerAndTheItemsDepartmentSeeTheTimeline() {
        var dept = ApplicationFixtures.department(false);
        var other = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());

        given().auth().oauth2(Logins.newResidentToken()).get("/api/v1/applications/" + no + "/timeline").then().statusCode(404);
        given().auth().oauth2(other.reviewer()).get("/api/v1/staff/applications/" + no + "/timeline").then().statusCode(404);
        given().auth().oauth2(other.reviewer()).contentType(ContentType.JSON).body("{\"text\":\"越权备注\"}")
                .post("/api/v1/staff/applications/" + no + "/notes").then().statusCode(404);
        // A draft is no department's yet.
        String draft = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications/" + draft + "/timeline").then().statusCode(404);
        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.kind", contains("CREATED", "SUBMITTED"));
    }

    @Test
    void aNoteIsOneToFiveHundredCharactersOfText() {
        var dept = ApplicationFixtures.department(false);
        String no = ApplicationFixtures.submitted(Logins.newResidentToken(), dept.item());
        String notes = "/api/v1/staff/applications/" + no + "/notes";
        for (String body : new String[] {"{\"text\":\"\"}", "{\"text\":\"   \"}", "{\"text\":\"" + "备".repeat(501) + "\"}", "{}"}) {
            given().auth().oauth2(dept.reviewer()).contentType(ContentType.JSON).body(body).post(notes).then().statusCode(422)
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("text"));
        }
        given().auth().oauth2(dept.reviewer()).contentType(ContentType.JSON).body("{\"text\":\"" + "备".repeat(500) + "\"}")
                .post(notes).then().statusCode(201);
        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.findAll { it.kind == 'STAFF_NOTE' }.size()", equalTo(1));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private void publish(DomainEvent event) throws Exception {
        OutboxSteps.publish(outbox, event);
    }

    private void drain() throws Exception {
        OutboxSteps.drain(relay);
    }

    private String single(String sql, String param) {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
