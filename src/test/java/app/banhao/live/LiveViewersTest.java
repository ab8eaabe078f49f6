package app.banhao.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Burst;
import app.banhao.testing.Logins;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Heartbeats: unique viewers (HyperLogLog) against viewers now (sorted set, window 3 s in tests), and who may beat. */
@io.quarkus.test.junit.QuarkusTest
class LiveViewersTest {

    private static ValidatableResponse beat(String token, String streamId, String viewerId) {
        var request = given().contentType(ContentType.JSON).body(viewerId == null ? Map.of() : Map.of("viewerId", viewerId));
        return (token == null ? request : request.auth().oauth2(token)).post("/api/v1/live/streams/" + streamId + "/heartbeats").then();
    }

    @Test
    void uniqueViewersStayWhileViewersNowLeaveWithTheirStaleHeartbeats() throws Exception {
        String staff = LiveFixtures.staff("LIVE-VIEW-DEPT");
        JsonPath live = LiveFixtures.live(staff);
        String id = live.getString("id");
        String resident = Logins.newResidentToken();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        beat(null, id, a).statusCode(200).body("uniqueViewers", equalTo(1)).body("concurrentViewers", equalTo(1));
        beat(null, id, a).statusCode(200).body("uniqueViewers", equalTo(1)).body("concurrentViewers", equalTo(1));
        beat(null, id, b).statusCode(200).body("uniqueViewers", equalTo(2));
        // A resident is one viewer on every device: the viewer id a player sends is ignored with a token.
        beat(resident, id, UUID.randomUUID().toString()).statusCode(200);
        beat(resident, id, UUID.randomUUID().toString()).statusCode(200).body("uniqueViewers", equalTo(3))
                .body("concurrentViewers", equalTo(3));
        given().get("/api/v1/live/streams/" + id).then().statusCode(200).body("viewers.uniqueViewers", equalTo(3))
                .body("viewers.concurrentViewers", equalTo(3));

        Thread.sleep(3_500); // past the test window (banhao.live.viewer-window=PT3S): a, b and the resident left
        given().get("/api/v1/live/streams/" + id).then().body("viewers.concurrentViewers", equalTo(0))
                .body("viewers.uniqueViewers", equalTo(3));
        beat(null, id, b).statusCode(200).body("uniqueViewers", equalTo(3)).body("concurrentViewers", equalTo(1));

        JsonPath ended = LiveFixtures.step(staff, live, "end", "{}").statusCode(200).extract().jsonPath();
        given().get("/api/v1/live/streams/" + id).then().statusCode(200).body("viewers.uniqueViewers", equalTo(3));
        beat(null, id, b).statusCode(409).body("code", equalTo("LIVE_STREAM_NOT_LIVE"));
        assertEquals("ENDED", ended.getString("state"));
    }

    @Test
    void aBurstOfViewersIsCountedOnceEachAndEveryBeatIsAnsweredWithFiguresThatIncludeIt() throws Exception {
        String staff = LiveFixtures.staff("LIVE-VIEW-DEPT");
        String id = LiveFixtures.live(staff).getString("id");
        // Beats arriving together go to Redis together (ViewerCounts): none may be lost or answered without itself.
        List<Burst.Outcome> outcomes = Burst.fire(Burst.ATTEMPTS,
                i -> beat(null, id, new UUID(0, i + 1).toString()).extract().response());
        // Unique viewers never expire (the viewers-now window is 3 s in tests, shorter than a slow burst may take).
        int highest = 0;
        for (Burst.Outcome outcome : outcomes) {
            assertNotNull(outcome.answer(), String.valueOf(outcome.failure()));
            assertEquals(200, outcome.answer().statusCode());
            int unique = outcome.answer().jsonPath().getInt("uniqueViewers");
            assertTrue(unique >= 1 && outcome.answer().jsonPath().getInt("concurrentViewers") >= 1, "figures after the beat");
            highest = Math.max(highest, unique);
        }
        assertTrue(Math.abs(highest - Burst.ATTEMPTS) <= 4, "the last call counted every beat: " + highest);
        int unique = given().get("/api/v1/live/streams/" + id).then().statusCode(200).extract().jsonPath()
                .getInt("viewers.uniqueViewers");
        assertEquals(highest, unique, "no beat was left uncounted after the answers");
    }

    @Test
    void heartbeatsNeedALiveStreamAndAnAnonymousViewerNeedsItsId() {
        String staff = LiveFixtures.staff("LIVE-VIEW-DEPT");
        String scheduled = LiveFixtures.scheduled(staff).getString("id");
        beat(null, scheduled, UUID.randomUUID().toString()).statusCode(409).body("code", equalTo("LIVE_STREAM_NOT_LIVE"));
        beat(null, UUID.randomUUID().toString(), UUID.randomUUID().toString()).statusCode(404);
        String live = LiveFixtures.live(staff).getString("id");
        beat(null, live, null).statusCode(422).body("errors[0].field", equalTo("viewerId"));
        beat(null, live, "not-a-uuid").statusCode(400);
    }
}
