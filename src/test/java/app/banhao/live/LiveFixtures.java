package app.banhao.live;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Streams scheduled through the API by a department's staff, moved along and asked about, for the live tests. */
public final class LiveFixtures {

    private LiveFixtures() {
    }

    /** A staff member (AGENT) of {@code department}. */
    public static String staff(String department) {
        return TestTokens.staff(UUID.randomUUID().toString(), department, TokenClaims.AGENT);
    }

    /** A body scheduling a stream tomorrow that promotes {@code item} (none when null). */
    public static Map<String, Object> input(String title, String item) {
        // Instant's text always has seconds; OffsetDateTime's drops ":00", which RFC 3339 (and the API) refuses.
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return Map.of("title", title, "topicItemCodes", item == null ? List.of() : List.of(item),
                "startsAt", start.toString(), "endsAt", start.plus(1, ChronoUnit.HOURS).toString(),
                "playUrl", "https://live.cdn.example.cn/" + UUID.randomUUID() + "/index.m3u8");
    }

    public static ValidatableResponse schedule(String staff, Map<String, Object> body) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/v1/staff/live/streams").then();
    }

    /** A SCHEDULED stream of {@code department}, promoting one item of a test department. */
    public static JsonPath scheduled(String staff) {
        String item = ApplicationFixtures.department("LIVE-TOPICS", false).item();
        return schedule(staff, input("政策解读 " + UUID.randomUUID().toString().substring(0, 6), item)).statusCode(201)
                .extract().jsonPath();
    }

    public static ValidatableResponse step(String staff, JsonPath stream, String action, String body) {
        var request = given().auth().oauth2(staff).header("If-Match", "\"" + stream.getLong("version") + "\"");
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/v1/staff/live/streams/" + stream.getString("id") + "/" + action).then();
    }

    /** A LIVE stream of the staff member's department. */
    public static JsonPath live(String staff) {
        return step(staff, scheduled(staff), "start", null).statusCode(200).extract().jsonPath();
    }

    public static JsonPath ask(String resident, String streamId, String text) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/v1/live/streams/" + streamId + "/questions").then().statusCode(201).extract().jsonPath();
    }

    public static ValidatableResponse moderate(String staff, String questionId, String action, String body) {
        var request = given().auth().oauth2(staff);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/v1/staff/live/questions/" + questionId + "/" + action).then();
    }
}
