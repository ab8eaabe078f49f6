package app.banhao.video.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import app.banhao.video.appointment.AppointmentState;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The life of a 帮代办 consent through the API: only the agent of a current (or just finished) session of their
 * department asks, within 7 days; the resident sees it with the agent's name and department and an inbox message,
 * approves, refuses or revokes; the agent may withdraw; each step audited.
 */
@QuarkusTest
class ProxyConsentTest {

    private static final List<String> DRAFTS = List.of("PREPARE_DRAFT");

    @Inject
    OutboxRelay relay;
    @Inject
    DataSource jdbc;

    @Test
    void theResidentSeesTheRequestApprovesAndRevokesAndTheAgentMayWithdrawAnother() throws Exception {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String residentId = ProxyFixtures.residentId(resident);
        String agentId = UUID.randomUUID().toString();
        String agent = ProxyFixtures.agentToken(agentId, dept.code());
        UUID session = ProxyFixtures.session(residentId, agentId, dept.code(), dept.item(), AppointmentState.IN_SESSION, null);

        String id = ProxyFixtures.ask(agent, session, List.of(dept.item()), DRAFTS).then().statusCode(201)
                .body("state", equalTo("REQUESTED")).body("agentName", notNullValue()).extract().path("id");
        given().auth().oauth2(resident).get("/api/v1/me/proxy-consents").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].departmentCode", equalTo(dept.code()))
                .body("items[0].itemCodes", equalTo(List.of(dept.item()))).body("items[0].state", equalTo("REQUESTED"));
        OutboxSteps.drain(relay);
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.title", hasItem("工作人员申请为您代办事项"));
        // Another resident neither sees nor decides it.
        String stranger = Logins.newResidentToken();
        given().auth().oauth2(stranger).get("/api/v1/me/proxy-consents").then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(stranger).post("/api/v1/me/proxy-consents/" + id + "/approve").then().statusCode(404);

        given().auth().oauth2(resident).post("/api/v1/me/proxy-consents/" + id + "/approve").then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("decidedAt", notNullValue());
        given().auth().oauth2(agent).get("/api/v1/agent/proxy-consents/" + id).then().statusCode(200).body("state", equalTo("ACTIVE"));
        given().auth().oauth2(resident).post("/api/v1/me/proxy-consents/" + id + "/refuse").then().statusCode(409)
                .body("code", equalTo("PROXY_CONSENT_STATE_CONFLICT"));
        given().auth().oauth2(resident).post("/api/v1/me/proxy-consents/" + id + "/revoke").then().statusCode(200)
                .body("state", equalTo("REVOKED")).body("endedAt", notNullValue());
        given().auth().oauth2(resident).post("/api/v1/me/proxy-consents/" + id + "/approve").then().statusCode(409);

        String second = ProxyFixtures.ask(agent, session, List.of(dept.item()), DRAFTS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(resident).post("/api/v1/me/proxy-consents/" + second + "/refuse").then().statusCode(200)
                .body("state", equalTo("REFUSED"));
        String third = ProxyFixtures.ask(agent, session, List.of(dept.item()), DRAFTS).then().statusCode(201).extract().path("id");
        String otherAgent = ProxyFixtures.agentToken(UUID.randomUUID().toString(), dept.code());
        given().auth().oauth2(otherAgent).post("/api/v1/agent/proxy-consents/" + third + "/withdraw").then().statusCode(403)
                .body("code", equalTo("PROXY_CONSENT_NOT_YOURS"));
        given().auth().oauth2(agent).post("/api/v1/agent/proxy-consents/" + third + "/withdraw").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"));
        given().auth().oauth2(resident).post("/api/v1/me/proxy-consents/" + third + "/approve").then().statusCode(409);

        assertEquals(List.of("proxy.consent.requested", "proxy.consent.active", "proxy.consent.revoked"), audited(id));
        assertEquals(List.of("proxy.consent.requested", "proxy.consent.withdrawn"), audited(third));
    }

    @Test
    void onlyTheAgentOfACurrentOrJustFinishedSessionOfTheirDepartmentAsksWithinSevenDays() {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String residentId = ProxyFixtures.residentId(Logins.newResidentToken());
        String agentId = UUID.randomUUID().toString();
        String agent = ProxyFixtures.agentToken(agentId, dept.code());
        List<String> items = List.of(dept.item());

        UUID others = ProxyFixtures.finishedSession(residentId, UUID.randomUUID().toString(), dept.code(), dept.item());
        refused(ProxyFixtures.ask(agent, others, items, DRAFTS).then().statusCode(403).extract().path("code"));
        UUID longAgo = ProxyFixtures.session(residentId, agentId, dept.code(), dept.item(), AppointmentState.FINISHED,
                OffsetDateTime.now().minusHours(25));
        refused(ProxyFixtures.ask(agent, longAgo, items, DRAFTS).then().statusCode(403).extract().path("code"));
        UUID booked = ProxyFixtures.session(residentId, agentId, dept.code(), dept.item(), AppointmentState.BOOKED, null);
        refused(ProxyFixtures.ask(agent, booked, items, DRAFTS).then().statusCode(403).extract().path("code"));
        String elsewhere = ProxyFixtures.agentToken(agentId, "OTHER-" + dept.code());
        UUID recent = ProxyFixtures.finishedSession(residentId, agentId, dept.code(), dept.item());
        refused(ProxyFixtures.ask(elsewhere, recent, items, DRAFTS).then().statusCode(403).extract().path("code"));
        refused(ProxyFixtures.ask(agent, UUID.randomUUID(), items, DRAFTS).then().statusCode(403).extract().path("code"));

        ProxyFixtures.ask(agent, recent, items, DRAFTS, OffsetDateTime.now().plusDays(8)).then().statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
        ProxyFixtures.ask(agent, recent, items, DRAFTS, OffsetDateTime.now().minusMinutes(1)).then().statusCode(422);
        ProxyFixtures.ask(agent, recent, List.of(ApplicationFixtures.department(false).item()), DRAFTS).then().statusCode(422)
                .body("errors[0].field", equalTo("itemCodes"));
        given().auth().oauth2(app.banhao.testing.TestTokens.staff(agentId, dept.code(), "REVIEWER"))
                .contentType("application/json").body("{}")
                .post("/api/v1/agent/proxy-consents").then().statusCode(403);
        ProxyFixtures.ask(agent, recent, items, DRAFTS, OffsetDateTime.now().plusDays(6)).then().statusCode(201);
    }

    private static void refused(String code) {
        assertEquals("PROXY_SESSION_REQUIRED", code);
    }

    private List<String> audited(String consentId) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT action FROM audit_log WHERE target_type = 'proxy-consent' AND target_id = ? ORDER BY id")) {
            s.setString(1, consentId);
            try (ResultSet rs = s.executeQuery()) {
                List<String> actions = new ArrayList<>();
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
                return actions;
            }
        }
    }
}
