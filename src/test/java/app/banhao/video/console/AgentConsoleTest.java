package app.banhao.video.console;

import static app.banhao.video.console.ConsoleFixtures.act;
import static app.banhao.video.console.ConsoleFixtures.agent;
import static app.banhao.video.console.ConsoleFixtures.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.Logins;
import app.banhao.testing.TestTokens;
import app.banhao.wallet.WalletFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The agent console (issue 13): the queue, the moves, the views of an open session and the case notes. */
@QuarkusTest
class AgentConsoleTest {

    private static String department() {
        return "VC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void theQueueShowsMyDepartmentsResidentsInSlotOrderAndNoOneElses() {
        String dept = department();
        var first = ConsoleFixtures.waiting(dept);
        var second = ConsoleFixtures.waiting(dept);
        ConsoleFixtures.sql("UPDATE video_appointment SET slot_start = slot_start - interval '5 minutes' WHERE id = ?::uuid",
                second.id());
        var queue = given().auth().oauth2(agent(dept)).get("/api/v1/staff/video-queue").then().statusCode(200).extract();
        assertEquals(List.of(second.id(), first.id()), queue.path("items.id"));
        assertTrue(queue.<String>path("items[0].description").startsWith("想咨询材料准备"), queue.asString());
        assertEquals("WAITING", queue.path("items[0].state"));
        String masked = queue.path("items[0].residentName");
        assertTrue(masked.contains("****"), "the resident is masked: " + masked);

        given().auth().oauth2(agent(department())).get("/api/v1/staff/video-queue").then().statusCode(200)
                .body("items.id", not(hasItem(first.id())));
        given().auth().oauth2(first.residentToken()).get("/api/v1/staff/video-queue").then().statusCode(403);
    }

    @Test
    void onlyAgentsCallAndOnlyFromTheirOwnDepartment() {
        String dept = department();
        var waiting = ConsoleFixtures.waiting(dept);
        for (String role : List.of(TokenClaims.REVIEWER, TokenClaims.ADMIN)) {
            given().auth().oauth2(TestTokens.staff(UUID.randomUUID().toString(), dept, role))
                    .post("/api/v1/staff/video-queue/call-next").then().statusCode(403);
        }
        given().auth().oauth2(waiting.residentToken()).post("/api/v1/staff/video-queue/call-next").then().statusCode(403);
        given().post("/api/v1/staff/video-queue/call-next").then().statusCode(401);
        given().auth().oauth2(agent(department())).post("/api/v1/staff/video-queue/call-next").then().statusCode(409)
                .body("code", equalTo("VIDEO_QUEUE_EMPTY"));
        act(agent(dept), waiting.id(), "start").then().statusCode(409);
        given().auth().oauth2(agent(dept)).get("/api/v1/staff/video-queue").then().body("items[0].state", equalTo("WAITING"));
    }

    @Test
    void anAgentCallsTheNextStartsFinishesAndEveryOtherMoveIsRefused() {
        String dept = department();
        String me = agent(dept);
        String colleague = agent(dept);
        given().auth().oauth2(me).post("/api/v1/staff/video-queue/call-next").then().statusCode(409)
                .body("code", equalTo("VIDEO_QUEUE_EMPTY"));
        var waiting = ConsoleFixtures.waiting(dept);
        given().auth().oauth2(me).post("/api/v1/staff/video-queue/call-next").then().statusCode(200)
                .body("id", equalTo(waiting.id())).body("state", equalTo("CALLED")).body("agentStaffId", notNullValue());
        act(me, waiting.id(), "call").then().statusCode(409).body("code", equalTo("APPOINTMENT_STATE_CONFLICT"));
        act(colleague, waiting.id(), "start").then().statusCode(403).body("code", equalTo("VIDEO_SESSION_NOT_YOURS"));
        act(agent(department()), waiting.id(), "start").then().statusCode(404);
        act(me, waiting.id(), "start").then().statusCode(200).body("state", equalTo("IN_SESSION"));
        act(me, waiting.id(), "missed").then().statusCode(409).body("code", equalTo("APPOINTMENT_STATE_CONFLICT"));
        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("outcome", "FOLLOW_UP", "note", "需补充场所证明"))
                .post("/api/v1/staff/video-appointments/" + waiting.id() + "/finish").then().statusCode(200)
                .body("state", equalTo("FINISHED")).body("finishedAt", notNullValue());
        view(colleague, waiting.id(), "notes").then().statusCode(200).body("items[0].outcome", equalTo("FOLLOW_UP"))
                .body("items[0].text", equalTo("需补充场所证明"));
        given().auth().oauth2(waiting.residentToken()).get("/api/v1/me/video-appointments/" + waiting.id()).then()
                .statusCode(200).body("state", equalTo("FINISHED")).body(not(org.hamcrest.Matchers.containsString("需补充场所证明")));

        var another = ConsoleFixtures.waiting(dept);
        act(me, another.id(), "missed").then().statusCode(200).body("state", equalTo("MISSED"));
    }

    @Test
    void theResidentsDataIsShownOnlyToTheSessionsAgentWhileItIsOpenAuditedAndInTheLedger() {
        String dept = department();
        String me = agent(dept);
        String resident = Logins.newResidentToken();
        WalletFixtures.ensureVerified(resident);
        String certificate = WalletFixtures.issued(resident, "VC-WALLET-DEPT").getString("items[0].id");
        String residentId = given().auth().oauth2(resident).get("/api/v1/me").then().extract().path("id");
        var booked = ConsoleFixtures.waiting(dept, residentId);

        act(me, booked.id(), "call").then().statusCode(200);
        view(me, booked.id(), "resident").then().statusCode(409).body("code", equalTo("VIDEO_SESSION_NOT_OPEN"));
        act(me, booked.id(), "start").then().statusCode(200);

        view(me, booked.id(), "resident").then().statusCode(200).body("id", equalTo(residentId))
                .body("name", equalTo("张*")).body("idNumber", org.hamcrest.Matchers.matchesPattern("\\d{3}\\*+\\d{3}[\\dX]"));
        view(me, booked.id(), "resident/applications").then().statusCode(200).body("items", notNullValue());
        view(me, booked.id(), "resident/certificates").then().statusCode(200).body("items.id", hasItem(certificate))
                .body("items[0].number", org.hamcrest.Matchers.containsString("*"));
        view(agent(dept), booked.id(), "resident").then().statusCode(403).body("code", equalTo("VIDEO_SESSION_NOT_YOURS"));
        view(agent(department()), booked.id(), "resident/certificates").then().statusCode(404);

        var ledger = given().auth().oauth2(resident).get("/api/v1/me/data-usage").then().statusCode(200).extract();
        assertEquals("VIDEO_ASSIST", ledger.path("items[0].channel"), ledger.asString());
        assertEquals("远程视频帮办", ledger.path("items[0].purpose"));
        assertEquals(dept, ledger.path("items[0].partyCode"));
        assertEquals("DEPARTMENT", ledger.path("items[0].partyKind"));
        assertEquals(booked.id(), ledger.path("items[0].reference"));
        assertEquals(3L, audited(booked.id()), "one audit line per view");

        given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of("outcome", "RESOLVED"))
                .post("/api/v1/staff/video-appointments/" + booked.id() + "/finish").then().statusCode(200);
        view(me, booked.id(), "resident/applications").then().statusCode(409).body("code", equalTo("VIDEO_SESSION_NOT_OPEN"));
    }

    @Test
    void caseNotesAreLengthLimitedKeptForTheDepartmentAndNeverForTheResident() {
        String dept = department();
        String me = agent(dept);
        var waiting = ConsoleFixtures.waiting(dept);
        note(me, waiting.id(), "叫号前的备注").statusCode(409).body("code", equalTo("VIDEO_SESSION_NOT_OPEN"));
        act(me, waiting.id(), "call").then().statusCode(200);
        note(agent(dept), waiting.id(), "别人的会话").statusCode(403);
        note(me, waiting.id(), "   ").statusCode(422);
        note(me, waiting.id(), "长".repeat(1001)).statusCode(422);
        note(me, waiting.id(), "已指导居民在线上传场所证明").statusCode(201).body("authorName", notNullValue());
        view(agent(dept), waiting.id(), "notes").then().statusCode(200).body("items.text", hasItem("已指导居民在线上传场所证明"));
        view(agent(department()), waiting.id(), "notes").then().statusCode(404);
        given().auth().oauth2(waiting.residentToken()).get("/api/v1/staff/video-appointments/" + waiting.id() + "/notes")
                .then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse note(String agent, String id, String text) {
        return given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/v1/staff/video-appointments/" + id + "/notes").then();
    }

    private static long audited(String appointmentId) {
        try (var c = io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get().getConnection();
                var s = c.prepareStatement("SELECT count(*) FROM audit_log WHERE action = 'video.session.view'"
                        + " AND details->>'appointment' = ?")) {
            s.setString(1, appointmentId);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
