package app.banhao.video.proxy;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.OutboxSteps;
import app.banhao.testing.TestTokens;
import app.banhao.video.appointment.Appointment;
import app.banhao.video.appointment.AppointmentState;
import app.banhao.video.availability.Availability;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * 帮代办 test setup: a video session held by an agent, and consents asked and approved through the API. The session is
 * TEST SETUP written straight to the database: the agent console that calls a resident and starts a session is
 * another helper's work (h/v2); here an appointment simply is IN_SESSION or FINISHED with its agent set.
 */
public final class ProxyFixtures {

    private ProxyFixtures() {
    }

    public static String agentToken(String agentId, String department) {
        return TestTokens.staff(agentId, department, TokenClaims.AGENT);
    }

    /** TEST SETUP: an appointment of {@code residentId} in {@code department}, held by {@code agentId}, in {@code state}. */
    public static UUID session(String residentId, String agentId, String department, String item, AppointmentState state,
            OffsetDateTime finishedAt) {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        Availability availability = new Availability();
        availability.id = UUID.randomUUID();
        availability.departmentCode = department;
        availability.weekdays = 0b1111111;
        availability.windowStart = LocalTime.of(9, 0);
        availability.windowEnd = LocalTime.of(12, 0);
        availability.slotMinutes = 15;
        availability.capacity = 1;
        availability.opensDaysAhead = 14;
        availability.closesHoursBefore = 1;
        availability.validFrom = LocalDate.now().minusDays(1);
        availability.active = true;
        availability.createdAt = now;
        availability.updatedAt = now;
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.residentId = UUID.fromString(residentId);
        a.departmentCode = department;
        a.itemCode = item;
        a.availabilityId = availability.id;
        a.agentStaffId = agentId == null ? null : UUID.fromString(agentId);
        a.slotStart = now.minusMinutes(10);
        a.slotEnd = now.plusMinutes(5);
        a.descriptionEnc = new byte[] {1};
        a.state = state;
        a.startedAt = now.minusMinutes(5);
        a.finishedAt = finishedAt;
        a.createdAt = now;
        a.updatedAt = now;
        try {
            OutboxSteps.await(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.persist(availability).chain(s::flush).chain(() -> s.persist(a)))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return a.id;
    }

    /** TEST SETUP: a session of the resident with the agent that finished a minute ago. */
    public static UUID finishedSession(String residentId, String agentId, String department, String item) {
        return session(residentId, agentId, department, item, AppointmentState.FINISHED, OffsetDateTime.now().minusMinutes(1));
    }

    public static Response ask(String agentToken, UUID appointmentId, List<String> items, List<String> actions, OffsetDateTime expiresAt) {
        return given().auth().oauth2(agentToken).contentType(ContentType.JSON)
                .body(Map.of("appointmentId", appointmentId.toString(), "itemCodes", items, "actions", actions,
                        "expiresAt", expiresAt.toInstant().truncatedTo(ChronoUnit.SECONDS).toString()))
                .post("/api/v1/agent/proxy-consents");
    }

    public static Response ask(String agentToken, UUID appointmentId, List<String> items, List<String> actions) {
        return ask(agentToken, appointmentId, items, actions, OffsetDateTime.now().plusDays(2));
    }

    /** A consent asked by the agent and approved by the resident: its id. */
    public static String active(String residentToken, String agentToken, UUID appointmentId, List<String> items, List<String> actions) {
        String id = ask(agentToken, appointmentId, items, actions).then().statusCode(201).extract().path("id");
        given().auth().oauth2(residentToken).post("/api/v1/me/proxy-consents/" + id + "/approve").then().statusCode(200);
        return id;
    }

    /** A consent for everything on the department's item, from a fresh finished session: its id. */
    public static String active(String residentToken, String residentId, String agentId, String department, String item) {
        UUID session = finishedSession(residentId, agentId, department, item);
        return active(residentToken, agentToken(agentId, department), session, List.of(item),
                List.of("PREPARE_DRAFT", "UPLOAD_MATERIALS", "SUBMIT"));
    }

    public static String residentId(String residentToken) {
        return given().auth().oauth2(residentToken).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    /** What the access matrix calls an agent operation on: a consent and a draft filed under it. */
    public record Case(String residentToken, String consentId, String applicationNo, String json) {
    }

    /**
     * An ACTIVE consent (every action) of a fresh resident for staff {@code agentId} of {@code department} on its
     * item, and a draft the agent filed under it; with {@code materials} the draft has what it needs to be submitted.
     */
    public static Case agentCase(String agentId, String department, String item, boolean materials) {
        return agentCase(app.banhao.testing.Logins.newResidentToken(), agentId, department, item, materials);
    }

    public static Case agentCase(String resident, String agentId, String department, String item, boolean materials) {
        String agent = TestTokens.staff(agentId, department, TokenClaims.AGENT);
        String consent = active(resident, residentId(resident), agentId, department, item);
        String base = "/api/v1/agent/proxy-consents/" + consent + "/applications";
        var draft = given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + item + "\",\"formData\":" + FORM + "}").post(base).then().statusCode(201).extract();
        String no = draft.path("applicationNo");
        if (materials) {
            for (String[] m : new String[][] {{"申请书", "a.pdf"}, {"身份证", "b.png"}}) {
                given().auth().oauth2(agent).multiPart(app.banhao.application.ApplicationFixtures.namePart(m[0]))
                        .multiPart("file", m[1], m[0].equals("申请书") ? app.banhao.application.ApplicationFixtures.PDF
                                : app.banhao.application.ApplicationFixtures.PNG, "application/octet-stream")
                        .post(base + "/" + no + "/materials").then().statusCode(201);
            }
        }
        return new Case(resident, consent, no, draft.asString());
    }

    /** A draft an agent filed for {@code residentToken}, ready, awaiting the resident's confirmation: its JSON. */
    public static Case awaitingConfirmation(String residentToken, String department, String item) {
        String agentId = UUID.randomUUID().toString();
        Case c = agentCase(residentToken, agentId, department, item, true);
        String json = given().auth().oauth2(agentToken(agentId, department))
                .post("/api/v1/agent/proxy-consents/" + c.consentId() + "/applications/" + c.applicationNo() + "/confirmation-request")
                .then().statusCode(200).extract().asString();
        return new Case(residentToken, c.consentId(), c.applicationNo(), json);
    }

    /** A consent an agent of {@code department} asked {@code residentToken} for, REQUESTED (or approved): its JSON. */
    public static io.restassured.path.json.JsonPath askedOf(String residentToken, String department, String item, boolean approve) {
        String agentId = UUID.randomUUID().toString();
        String agent = agentToken(agentId, department);
        UUID session = finishedSession(residentId(residentToken), agentId, department, item);
        var asked = ask(agent, session, List.of(item), List.of("PREPARE_DRAFT")).then().statusCode(201).extract().jsonPath();
        if (approve) {
            given().auth().oauth2(residentToken).post("/api/v1/me/proxy-consents/" + asked.getString("id") + "/approve").then().statusCode(200);
        }
        return asked;
    }

    /** The form of the fixtures' items, complete. */
    public static final String FORM = "{\"applicantName\":\"张三\",\"phone\":\"13912345678\"}";
}
