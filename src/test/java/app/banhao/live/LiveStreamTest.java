package app.banhao.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Scheduling, the state machine, the cached schedule and home feed, and the one message per subscriber. */
@io.quarkus.test.junit.QuarkusTest
class LiveStreamTest {

    private static final String DEPT = "LIVE-DEPT";
    /** The title of the message (i18n/inbox, message.topic.LIVE_STARTED). */
    private static final String LIVE_STARTED = "您预约的直播开始了";

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource jdbc;

    @Test
    void onlyHttpsHlsAddressesAnOrderedSpanAndOfferedItemsAreScheduled() {
        String staff = LiveFixtures.staff(DEPT);
        for (String bad : List.of("http://live.example.cn/a.m3u8", "https://live.example.cn/a.mp4", "javascript:alert(1)//.m3u8",
                "https://user@live.example.cn/a.m3u8")) {
            Map<String, Object> body = new HashMap<>(LiveFixtures.input("地址", null));
            body.put("playUrl", bad);
            LiveFixtures.schedule(staff, body).statusCode(422).body("errors[0].field", equalTo("playUrl"));
        }
        Map<String, Object> backwards = new HashMap<>(LiveFixtures.input("时间", null));
        backwards.put("endsAt", backwards.get("startsAt"));
        LiveFixtures.schedule(staff, backwards).statusCode(422).body("errors[0].field", equalTo("endsAt"));
        LiveFixtures.schedule(staff, LiveFixtures.input("事项", "NO-SUCH-ITEM")).statusCode(422);
        given().auth().oauth2(Logins.newResidentToken()).contentType(ContentType.JSON).body(LiveFixtures.input("居民", null))
                .post("/api/v1/staff/live/streams").then().statusCode(403);
    }

    @Test
    void aStreamMovesScheduledLiveEndedAndTheScheduleAndHomeFeedFollowAtOnce() {
        String staff = LiveFixtures.staff(DEPT);
        JsonPath s = LiveFixtures.scheduled(staff);
        String id = s.getString("id");
        given().get("/api/v1/live/streams").then().statusCode(200).body("items.id", hasItem(id));
        given().get("/api/v1/live/streams/" + id).then().statusCode(200).body("state", equalTo("SCHEDULED"))
                .body("topics[0].applyLink", equalTo("banhao://items/" + s.getString("topics[0].code")));
        given().get("/api/v1/home").then().statusCode(200).body("live.now.id", not(hasItem(id)));

        LiveFixtures.step(staff, s, "end", "{}").statusCode(409).body("code", equalTo("LIVE_TRANSITION_NOT_ALLOWED"));
        given().auth().oauth2(staff).post("/api/v1/staff/live/streams/" + id + "/start").then().statusCode(428);
        LiveFixtures.step(LiveFixtures.staff("LIVE-OTHER-DEPT"), s, "start", null).statusCode(404);
        JsonPath live = LiveFixtures.step(staff, s, "start", null).statusCode(200).body("state", equalTo("LIVE"))
                .extract().jsonPath();
        LiveFixtures.step(staff, s, "start", null).statusCode(412);
        LiveFixtures.step(staff, live, "start", null).statusCode(409).body("code", equalTo("LIVE_TRANSITION_NOT_ALLOWED"));

        List<String> states = given().get("/api/v1/live/streams").then().statusCode(200).extract().path("items.state");
        assertEquals(states.stream().sorted((a, b) -> rank(a) - rank(b)).toList(), states, "LIVE first, then SCHEDULED, then ENDED");
        given().get("/api/v1/home").then().statusCode(200).body("live.now.id", hasItem(id));

        LiveFixtures.step(staff, live, "end", "{\"replayUrl\":\"http://vod.example.cn/r.mp4\"}").statusCode(422);
        LiveFixtures.step(staff, live, "end", "{\"replayUrl\":\"https://vod.example.cn/r.mp4\"}").statusCode(200)
                .body("state", equalTo("ENDED")).body("replayUrl", equalTo("https://vod.example.cn/r.mp4"));
        given().get("/api/v1/live/streams/" + id).then().statusCode(200).body("state", equalTo("ENDED"))
                .body("replayUrl", equalTo("https://vod.example.cn/r.mp4"));
        given().get("/api/v1/home").then().statusCode(200).body("live.now.id", not(hasItem(id)));
        assertEquals(List.of("live.stream.schedule", "live.stream.start", "live.stream.end"), audited(id));
        given().auth().oauth2(staff).get("/api/v1/staff/live/streams").then().statusCode(200).body("items.id", hasItem(id));
    }

    private static int rank(String state) {
        return List.of("LIVE", "SCHEDULED", "ENDED").indexOf(state);
    }

    @Test
    void eachSubscriberGetsExactlyOneMessageWhenTheStreamGoesLiveEvenWhenDeliveredAgain() throws Exception {
        String staff = LiveFixtures.staff(DEPT);
        JsonPath s = LiveFixtures.scheduled(staff);
        String id = s.getString("id");
        String twice = Logins.newResidentToken();
        String once = Logins.newResidentToken();
        String leaver = Logins.newResidentToken();
        for (String resident : List.of(twice, twice, once, leaver)) {
            given().auth().oauth2(resident).put("/api/v1/live/streams/" + id + "/subscription").then().statusCode(200)
                    .body("streamId", equalTo(id));
        }
        given().auth().oauth2(leaver).delete("/api/v1/live/streams/" + id + "/subscription").then().statusCode(204);
        given().auth().oauth2(staff).put("/api/v1/live/streams/" + id + "/subscription").then().statusCode(403);

        LiveFixtures.step(staff, s, "start", null).statusCode(200);
        assertEquals(1, liveMessages(once), "written with the start, before any delivery");
        redeliver(id);
        OutboxSteps.drain(relay);
        assertEquals(1, liveMessages(twice), "one message for a resident who subscribed twice");
        assertEquals(1, liveMessages(once));
        assertEquals(0, liveMessages(leaver), "none after unsubscribing");
        given().auth().oauth2(once).get("/api/v1/me/messages").then()
                .body("items.find { it.title == '" + LIVE_STARTED + "' }.body", org.hamcrest.Matchers.containsString(s.getString("title")));
    }

    private static int liveMessages(String resident) {
        List<String> titles = given().auth().oauth2(resident).get("/api/v1/me/messages?limit=100").then().statusCode(200)
                .extract().path("items.title");
        return (int) titles.stream().filter(LIVE_STARTED::equals).count();
    }

    /**
     * The messages are written in the start's own transaction, so the inbox is owed no delivery; one queued for it
     * before it ran that way (or handed over again: delivery is at least once) is still delivered by the relay. This
     * queues one per subscriber's event, as such a delivery would stand.
     */
    private void redeliver(String streamId) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO outbox_delivery (event_id, consumer, event_seq, aggregate_key)"
                        + " SELECT e.id, 'inbox-resident-notices', e.seq, e.aggregate_type || ':' || e.aggregate_id FROM outbox_event e"
                        + " WHERE e.type = 'LiveStarted' AND e.aggregate_id LIKE ?"
                        + " AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.event_id = e.id AND d.consumer = 'inbox-resident-notices')")) {
            st.setString(1, streamId + ":%");
            assertEquals(2, st.executeUpdate(), "the two subscribers' events, owed nothing to the inbox until now");
        }
    }

    private List<String> audited(String id) {
        try (Connection c = jdbc.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT action FROM audit_log WHERE target_type = 'live-stream' AND target_id = ? ORDER BY id")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                List<String> actions = new java.util.ArrayList<>();
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
                return actions;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static UUID id(JsonPath stream) {
        return UUID.fromString(stream.getString("id"));
    }
}
