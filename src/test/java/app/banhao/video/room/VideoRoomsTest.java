package app.banhao.video.room;

import static app.banhao.video.console.ConsoleFixtures.act;
import static app.banhao.video.console.ConsoleFixtures.agent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.banhao.testing.TestTokens;
import app.banhao.video.console.ConsoleFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Room tokens (issue 13): the resident and the session's agent only, inside the joining window only. Local mode: the stand-in. */
@QuarkusTest
class VideoRoomsTest {

    private static String department() {
        return "VR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static ValidatableResponse residentJoins(String token, String id) {
        return given().auth().oauth2(token).post("/api/v1/me/video-rooms/" + id).then();
    }

    private static ValidatableResponse agentJoins(String token, String id) {
        return given().auth().oauth2(token).post("/api/v1/staff/video-rooms/" + id).then();
    }

    @Test
    void theResidentAndTheSessionsAgentMeetInTheAppointmentsRoomAndNobodyElseGetsIn() {
        String dept = department();
        String me = agent(dept);
        var booked = ConsoleFixtures.waiting(dept);
        var resident = residentJoins(booked.residentToken(), booked.id()).statusCode(200)
                .body("provider", equalTo("LOCAL")).body("room", equalTo("banhao-" + booked.id()))
                .body("identity", equalTo("resident-" + booked.residentId())).extract();
        OffsetDateTime expires = OffsetDateTime.parse(resident.path("expiresAt"));
        assertTrue(expires.isAfter(OffsetDateTime.now()) && expires.isBefore(OffsetDateTime.now().plusMinutes(16)),
                "short-lived: " + expires);
        agentJoins(me, booked.id()).statusCode(409).body("code", equalTo("VIDEO_SESSION_NOT_OPEN"));
        act(me, booked.id(), "call").then().statusCode(200);
        var agent = agentJoins(me, booked.id()).statusCode(200).body("room", equalTo("banhao-" + booked.id())).extract();
        assertFalse(agent.<String>path("token").equals(resident.path("token")));

        residentJoins(TestTokens.resident(UUID.randomUUID().toString(), "L2"), booked.id()).statusCode(404);
        agentJoins(agent(dept), booked.id()).statusCode(403).body("code", equalTo("VIDEO_SESSION_NOT_YOURS"));
        agentJoins(agent(department()), booked.id()).statusCode(404);
        agentJoins(booked.residentToken(), booked.id()).statusCode(403);
        residentJoins(me, booked.id()).statusCode(403);
    }

    @Test
    void joiningOutsideTheWindowOrAfterTheSessionIsRefused() {
        String dept = department();
        String me = agent(dept);
        var early = ConsoleFixtures.waiting(dept);
        ConsoleFixtures.sql("UPDATE video_appointment SET slot_start = now() + interval '2 hours',"
                + " slot_end = now() + interval '135 minutes' WHERE id = ?::uuid", early.id());
        residentJoins(early.residentToken(), early.id()).statusCode(409).body("code", equalTo("VIDEO_ROOM_CLOSED"));

        var late = ConsoleFixtures.waiting(dept);
        ConsoleFixtures.sql("UPDATE video_appointment SET slot_start = now() - interval '2 hours',"
                + " slot_end = now() - interval '105 minutes' WHERE id = ?::uuid", late.id());
        residentJoins(late.residentToken(), late.id()).statusCode(409).body("code", equalTo("VIDEO_ROOM_CLOSED"));

        var finished = ConsoleFixtures.inSession(dept, me);
        agentJoins(me, finished.id()).statusCode(200);
        given().auth().oauth2(me).contentType("application/json").body("{\"outcome\":\"RESOLVED\"}")
                .post("/api/v1/staff/video-appointments/" + finished.id() + "/finish").then().statusCode(200);
        residentJoins(finished.residentToken(), finished.id()).statusCode(409).body("code", equalTo("VIDEO_ROOM_CLOSED"));
        agentJoins(me, finished.id()).statusCode(409).body("code", equalTo("VIDEO_ROOM_CLOSED"));
        assertEquals("FINISHED", given().auth().oauth2(finished.residentToken())
                .get("/api/v1/me/video-appointments/" + finished.id()).then().extract().path("state"));
    }
}
