package app.banhao.video.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The agent acting within consent (帮代办): a draft filed by the agent for the resident, filled and given materials;
 * submitted by the agent only when the consent includes SUBMIT, otherwise confirmed by the resident; each step on the
 * case timeline as the agent's on the resident's behalf and in the audit log.
 */
@QuarkusTest
class ProxyFilingTest {

    static final String FORM = ProxyFixtures.FORM;

    @Inject
    OutboxRelay relay;
    @Inject
    DataSource jdbc;

    @Test
    void theAgentPreparesAndTheResidentConfirmsTheSubmission() throws Exception {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String residentId = ProxyFixtures.residentId(resident);
        String agentId = UUID.randomUUID().toString();
        String agent = ProxyFixtures.agentToken(agentId, dept.code());
        UUID session = ProxyFixtures.finishedSession(residentId, agentId, dept.code(), dept.item());
        String consent = ProxyFixtures.active(resident, agent, session, List.of(dept.item()), List.of("PREPARE_DRAFT", "UPLOAD_MATERIALS"));
        String base = "/api/v1/agent/proxy-consents/" + consent + "/applications";

        JsonPath draft = create(agent, base, dept.item()).then().statusCode(201).body("state", equalTo("DRAFT"))
                .body("filedBy", equalTo("AGENT")).body("filedByStaffName", equalTo("工作人员")).extract().jsonPath();
        String no = draft.getString("applicationNo");
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("filedBy", equalTo("AGENT")).body("filedByStaffName", equalTo("工作人员"));
        given().auth().oauth2(agent).contentType(ContentType.JSON).body("{\"formData\":" + FORM + "}")
                .put(base + "/" + no).then().statusCode(200).body("formData.applicantName", equalTo("张三"));
        upload(agent, base + "/" + no, "申请书", ApplicationFixtures.PDF).then().statusCode(201);
        upload(agent, base + "/" + no, "身份证", ApplicationFixtures.PNG).then().statusCode(201);

        given().auth().oauth2(agent).contentType(ContentType.JSON).body("{}").post(base + "/" + no + "/submit").then()
                .statusCode(403).body("code", equalTo("PROXY_ACTION_NOT_PERMITTED"));
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/me/proxy-consents/confirmations/" + no).then().statusCode(409)
                .body("code", equalTo("PROXY_CONFIRMATION_NOT_REQUESTED"));
        given().auth().oauth2(agent).post(base + "/" + no + "/confirmation-request").then().statusCode(200)
                .body("awaitingResidentConfirmation", equalTo(true));
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/me/proxy-consents/confirmations/" + no).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));

        List<Map<String, String>> timeline = timeline(resident, no, "SUBMITTED");
        String byAgent = "工作人员（代办人，代居民办理）";
        assertEntry(timeline, "CREATED", "STAFF", byAgent);
        assertEntry(timeline, "PROXY_DRAFT_UPDATED", "STAFF", byAgent);
        assertEntry(timeline, "PROXY_MATERIAL_UPLOADED", "STAFF", byAgent);
        assertEntry(timeline, "PROXY_CONFIRMATION_REQUESTED", "STAFF", byAgent);
        assertEntry(timeline, "PROXY_SUBMISSION_CONFIRMED", "RESIDENT", null);
        assertEntry(timeline, "SUBMITTED", "RESIDENT", null);
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.hasItem("代办人请您确认提交申请"));
        assertEquals(List.of("proxy.application.created:" + agentId, "proxy.application.draft_updated:" + agentId,
                "proxy.application.material_uploaded:" + agentId, "proxy.application.material_uploaded:" + agentId,
                "proxy.application.confirmation_requested:" + agentId), audited(no));
    }

    @Test
    void withSubmitInTheConsentTheAgentSubmitsAndTheTimelineNamesThem() throws Exception {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String agentId = UUID.randomUUID().toString();
        String agent = ProxyFixtures.agentToken(agentId, dept.code());
        String consent = ProxyFixtures.active(resident, ProxyFixtures.residentId(resident), agentId, dept.code(), dept.item());
        String base = "/api/v1/agent/proxy-consents/" + consent + "/applications";
        String no = create(agent, base, dept.item()).then().statusCode(201).extract().path("applicationNo");
        upload(agent, base + "/" + no, "申请书", ApplicationFixtures.PDF).then().statusCode(201);
        upload(agent, base + "/" + no, "身份证", ApplicationFixtures.PNG).then().statusCode(201);
        given().auth().oauth2(agent).contentType(ContentType.JSON).body("{}").post(base + "/" + no + "/submit").then()
                .statusCode(200).body("state", equalTo("SUBMITTED")).body("filedBy", equalTo("AGENT"));
        assertEntry(timeline(resident, no, "SUBMITTED"), "SUBMITTED", "STAFF", "工作人员（代办人，代居民办理）");
        assertTrue(audited(no).contains("proxy.application.submitted:" + agentId), audited(no).toString());
    }

    static Response create(String agent, String base, String item) {
        return given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + item + "\",\"formData\":" + FORM + "}").post(base);
    }

    static Response upload(String agent, String path, String name, byte[] content) {
        return given().auth().oauth2(agent).multiPart(ApplicationFixtures.namePart(name))
                .multiPart("file", "m.bin", content, "application/octet-stream").post(path + "/materials");
    }

    /** The resident's timeline once it has an entry of {@code kind} (the outbox delivers it). */
    private List<Map<String, String>> timeline(String resident, String no, String kind) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        List<Map<String, String>> items;
        do {
            OutboxSteps.drain(relay);
            items = given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                    .extract().path("items");
        } while (items.stream().noneMatch(e -> kind.equals(e.get("kind"))) && System.currentTimeMillis() < deadline);
        return items;
    }

    private static void assertEntry(List<Map<String, String>> timeline, String kind, String actorKind, String actorName) {
        assertTrue(timeline.stream().anyMatch(e -> kind.equals(e.get("kind")) && actorKind.equals(e.get("actorKind"))
                && (actorName == null || actorName.equals(e.get("actorName")))), kind + " by " + actorName + " in " + timeline);
    }

    private List<String> audited(String no) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT action, actor_id FROM audit_log WHERE target_type = 'application' AND target_id = ? AND action LIKE 'proxy.%' ORDER BY id")) {
            s.setString(1, no);
            try (ResultSet rs = s.executeQuery()) {
                List<String> actions = new ArrayList<>();
                while (rs.next()) {
                    actions.add(rs.getString(1) + ":" + rs.getString(2));
                }
                return actions;
            }
        }
    }
}
