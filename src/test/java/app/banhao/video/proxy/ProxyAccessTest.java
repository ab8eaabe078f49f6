package app.banhao.video.proxy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.Logins;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import io.quarkus.test.junit.QuarkusTest;

/**
 * 帮代办 without consent: every agent operation, for every way of lacking it (none, another agent's, another
 * department's, expired, revoked, an item outside the scope, an action not permitted), is a 403 with its stable code;
 * a revocation counts from the very next call.
 */
@QuarkusTest
class ProxyAccessTest {

    private static final List<String> OPERATIONS = List.of("createProxyApplication", "updateProxyApplicationDraft",
            "uploadProxyApplicationMaterial", "submitProxyApplication", "requestProxySubmissionConfirmation");

    @Inject
    DataSource jdbc;

    /** One call of each agent operation as {@code agent} under {@code consent} on draft {@code no} (of {@code item}). */
    private static Map<String, Response> callAll(String agent, String consent, String no, String item) {
        String base = "/api/v1/agent/proxy-consents/" + consent + "/applications";
        Map<String, Response> calls = new LinkedHashMap<>();
        calls.put("createProxyApplication", ProxyFilingTest.create(agent, base, item));
        calls.put("updateProxyApplicationDraft", given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body("{\"formData\":" + ProxyFilingTest.FORM + "}").put(base + "/" + no));
        calls.put("uploadProxyApplicationMaterial", ProxyFilingTest.upload(agent, base + "/" + no, "申请书", ApplicationFixtures.PDF));
        calls.put("submitProxyApplication", given().auth().oauth2(agent).contentType(ContentType.JSON).body("{}").post(base + "/" + no + "/submit"));
        calls.put("requestProxySubmissionConfirmation", given().auth().oauth2(agent).post(base + "/" + no + "/confirmation-request"));
        return calls;
    }

    @Test
    void everyAgentOperationIsRefusedWithoutAnActiveConsentCoveringIt() throws Exception {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String residentId = ProxyFixtures.residentId(resident);
        String agentId = UUID.randomUUID().toString();
        String agent = ProxyFixtures.agentToken(agentId, dept.code());
        String consent = ProxyFixtures.active(resident, residentId, agentId, dept.code(), dept.item());
        String no = ProxyFilingTest.create(agent, "/api/v1/agent/proxy-consents/" + consent + "/applications", dept.item())
                .then().statusCode(201).extract().path("applicationNo");
        List<String> failures = new ArrayList<>();
        BiFunction<String, Map<String, Response>, Void> expect = (code, calls) -> {
            calls.forEach((op, r) -> {
                String got = r.statusCode() + " " + r.path("code");
                if (!("403 " + code).equals(got)) {
                    failures.add(op + ": expected 403 " + code + ", got " + got);
                }
            });
            return null;
        };

        expect.apply("PROXY_CONSENT_REQUIRED", callAll(agent, UUID.randomUUID().toString(), no, dept.item()));
        expect.apply("PROXY_CONSENT_NOT_YOURS",
                callAll(ProxyFixtures.agentToken(UUID.randomUUID().toString(), dept.code()), consent, no, dept.item()));
        expect.apply("PROXY_CONSENT_NOT_YOURS", callAll(ProxyFixtures.agentToken(agentId, "OTHER-" + dept.code()), consent, no, dept.item()));

        // Out of scope: an item the consent does not name, and the resident's own draft of it.
        ApplicationFixtures.Dept other = ApplicationFixtures.department(false);
        String outside = ApplicationFixtures.draft(resident, other.item()).getString("applicationNo");
        expect.apply("PROXY_ITEM_OUT_OF_SCOPE", callAll(agent, consent, outside, other.item()));

        // Actions: a consent to upload only, and one to prepare drafts only.
        UUID session = ProxyFixtures.finishedSession(residentId, agentId, dept.code(), dept.item());
        String uploadOnly = ProxyFixtures.active(resident, agent, session, List.of(dept.item()), List.of("UPLOAD_MATERIALS"));
        Map<String, Response> calls = callAll(agent, uploadOnly, no, dept.item());
        assertEquals(201, calls.remove("uploadProxyApplicationMaterial").statusCode());
        expect.apply("PROXY_ACTION_NOT_PERMITTED", calls);
        String draftsOnly = ProxyFixtures.active(resident, agent, session, List.of(dept.item()), List.of("PREPARE_DRAFT"));
        calls = callAll(agent, draftsOnly, no, dept.item());
        expect.apply("PROXY_ACTION_NOT_PERMITTED", Map.of("uploadProxyApplicationMaterial", calls.get("uploadProxyApplicationMaterial"),
                "submitProxyApplication", calls.get("submitProxyApplication")));

        // Requested but not yet approved, then revoked: refused from the next call on.
        String pending = ProxyFixtures.ask(agent, session, List.of(dept.item()), List.of("PREPARE_DRAFT")).then().statusCode(201)
                .extract().path("id");
        expect.apply("PROXY_CONSENT_REQUIRED", callAll(agent, pending, no, dept.item()));
        given().auth().oauth2(resident).post("/api/v1/me/proxy-consents/" + consent + "/revoke").then().statusCode(200);
        expect.apply("PROXY_CONSENT_REQUIRED", callAll(agent, consent, no, dept.item()));

        // Past its expiry (moved there in the database: the shortest consent still lasts minutes).
        try (var c = jdbc.getConnection(); var s = c.prepareStatement("UPDATE proxy_consent SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(draftsOnly));
            assertEquals(1, s.executeUpdate());
        }
        expect.apply("PROXY_CONSENT_EXPIRED", callAll(agent, draftsOnly, no, dept.item()));
        given().auth().oauth2(agent).get("/api/v1/agent/proxy-consents/" + draftsOnly).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("EXPIRED"));

        assertEquals(List.of(), failures);
        assertEquals(OPERATIONS.size(), callAll(agent, consent, no, dept.item()).size());
    }
}
