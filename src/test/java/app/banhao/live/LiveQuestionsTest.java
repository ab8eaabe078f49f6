package app.banhao.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.restassured.http.ContentType;

/** Q&A: who sees which question, one vote each, moderation by the stream's own department (audited), the limits. */
@io.quarkus.test.junit.QuarkusTest
class LiveQuestionsTest {

    private static final String DEPT = "LIVE-QA-DEPT";

    @Inject
    DataSource jdbc;

    private static io.restassured.response.ValidatableResponse list(String token, String streamId) {
        var request = given();
        return (token == null ? request : request.auth().oauth2(token)).get("/api/v1/live/streams/" + streamId + "/questions").then()
                .statusCode(200);
    }

    @Test
    void othersSeeOnlyPublishedQuestionsTheAuthorAlwaysSeesTheirsAndVotesCountOnce() {
        String staff = LiveFixtures.staff(DEPT);
        String stream = LiveFixtures.live(staff).getString("id");
        String author = Logins.newResidentToken();
        String other = Logins.newResidentToken();
        String q = LiveFixtures.ask(author, stream, "个体户设立登记需要到现场吗？").getString("id");
        String popular = LiveFixtures.ask(other, stream, "营业执照多久能拿到？").getString("id");

        list(other, stream).body("items.id", not(hasItem(q)));
        list(null, stream).body("items.id", not(hasItem(q)));
        list(author, stream).body("items.find { it.id == '" + q + "' }.state", equalTo("PENDING"))
                .body("items.find { it.id == '" + q + "' }.mine", equalTo(true));
        given().auth().oauth2(other).put("/api/v1/live/streams/" + stream + "/questions/" + q + "/vote").then().statusCode(404);

        LiveFixtures.moderate(LiveFixtures.staff("LIVE-QA-OTHER"), q, "publish", null).statusCode(404);
        LiveFixtures.moderate(staff, q, "publish", null).statusCode(200).body("state", equalTo("PUBLISHED"));
        LiveFixtures.moderate(staff, popular, "publish", null).statusCode(200);
        for (String voter : List.of(other, other, author)) {
            given().auth().oauth2(voter).put("/api/v1/live/streams/" + stream + "/questions/" + popular + "/vote").then()
                    .statusCode(200).body("votedByMe", equalTo(true));
        }
        list(null, stream).body("items.id", equalTo(List.of(popular, q))).body("items[0].votes", equalTo(2));
        list(other, stream).body("items[0].votedByMe", equalTo(true)).body("items[1].votedByMe", equalTo(false));

        LiveFixtures.moderate(staff, q, "hide", "{\"reason\":\"与本场主题无关\"}").statusCode(200).body("state", equalTo("HIDDEN"));
        list(other, stream).body("items.id", not(hasItem(q)));
        list(author, stream).body("items.find { it.id == '" + q + "' }.hideReason", equalTo("与本场主题无关"));
        LiveFixtures.moderate(staff, q, "answer", "{\"text\":\"答复\"}").statusCode(409).body("code", equalTo("LIVE_QUESTION_HIDDEN"));
        LiveFixtures.moderate(staff, popular, "answer", "{\"text\":\"一般一个工作日。\"}").statusCode(200);
        list(null, stream).body("items[0].answer", equalTo("一般一个工作日。"));
        given().auth().oauth2(staff).get("/api/v1/staff/live/streams/" + stream + "/questions?state=HIDDEN").then()
                .statusCode(200).body("items.id", equalTo(List.of(q)));
        given().auth().oauth2(LiveFixtures.staff("LIVE-QA-OTHER")).get("/api/v1/staff/live/streams/" + stream + "/questions")
                .then().statusCode(404);
        assertEquals(List.of("live.question.publish|", "live.question.hide|与本场主题无关"), audited(q));
    }

    @Test
    void parallelVotesOfOneResidentCountOnceAndOfManyCountEach() throws Exception {
        String staff = LiveFixtures.staff(DEPT);
        String stream = LiveFixtures.live(staff).getString("id");
        String q = LiveFixtures.ask(Logins.newResidentToken(), stream, "并发投票").getString("id");
        LiveFixtures.moderate(staff, q, "publish", null).statusCode(200);
        String eager = Logins.newResidentToken();
        List<String> others = java.util.stream.IntStream.range(0, 5).mapToObj(i -> Logins.newResidentToken()).toList();
        String path = "/api/v1/live/streams/" + stream + "/questions/" + q + "/vote";
        var outcomes = app.banhao.testing.Burst.fire(30, i -> given().auth().oauth2(i < 25 ? eager : others.get(i - 25)).put(path));
        outcomes.forEach(o -> assertEquals(200, o.answer() == null ? -1 : o.answer().statusCode(),
                () -> o.answer() == null ? String.valueOf(o.failure()) : o.answer().asString()));
        list(null, stream).body("items.find { it.id == '" + q + "' }.votes", equalTo(6));
    }

    @Test
    void questionsAreCappedRateLimitedAndClosedWithTheStream() {
        String staff = LiveFixtures.staff(DEPT);
        var live = LiveFixtures.live(staff);
        String stream = live.getString("id");
        String resident = Logins.newResidentToken();
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(Map.of("text", "问".repeat(301)))
                .post("/api/v1/live/streams/" + stream + "/questions").then().statusCode(422);
        for (int i = 0; i < LiveQuestions.ASKING.max(); i++) {
            LiveFixtures.ask(resident, stream, "问题 " + i);
        }
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(Map.of("text", "再问一个"))
                .post("/api/v1/live/streams/" + stream + "/questions").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("text", "匿名"))
                .post("/api/v1/live/streams/" + stream + "/questions").then().statusCode(401);
        LiveFixtures.step(staff, live, "end", "{}").statusCode(200);
        given().auth().oauth2(Logins.newResidentToken()).contentType(ContentType.JSON).body(Map.of("text", "结束后"))
                .post("/api/v1/live/streams/" + stream + "/questions").then().statusCode(409).body("code", equalTo("LIVE_STREAM_ENDED"));
    }

    private List<String> audited(String questionId) {
        try (Connection c = jdbc.getConnection(); PreparedStatement st = c.prepareStatement("SELECT action, coalesce(details->>'reason', '')"
                + " FROM audit_log WHERE target_type = 'live-question' AND target_id = ? ORDER BY id")) {
            st.setString(1, questionId);
            try (ResultSet rs = st.executeQuery()) {
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2));
                }
                return rows;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
