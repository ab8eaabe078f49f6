package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Refresh-token rotation (DESIGN.md §7, issue 10 points 12 and 22): concurrent refreshes of one token share
 * one successor within the grace window, reuse after it revokes the family, and no refresh carries a
 * session past its absolute end. Time is moved by backdating the rows, as if the clock had run.
 */
@QuarkusTest
class RefreshRotationTest {

    @Inject
    DataSource db;

    static ValidatableResponse refresh(String token) {
        return given().contentType(ContentType.JSON).body("{\"refreshToken\":\"" + token + "\"}")
                .when().post("/api/v1/auth/refresh").then();
    }

    /** Moves every timestamp {@code column} of {@code table}'s rows of the session back by {@code by}. */
    private void backdate(String table, String column, String sessionId, Duration by) throws SQLException {
        String key = table.equals("auth_session") ? "id" : "session_id";
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE " + table + " SET " + column + " = " + column + " - make_interval(secs => ?) WHERE " + key + " = ?")) {
            st.setDouble(1, by.toSeconds());
            st.setObject(2, UUID.fromString(sessionId));
            st.executeUpdate();
        }
    }

    @Test
    void twoParallelRefreshesOfOneTokenBothGetTheSameSuccessor() throws Exception {
        JsonPath pair = Logins.resident(Logins.newPhone());
        String first = pair.getString("refreshToken");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<JsonPath> call = () -> {
            start.await();
            return refresh(first).statusCode(200).extract().jsonPath();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonPath>> answers = pool.invokeAll(List.of(call, call));
            JsonPath a = answers.get(0).get();
            JsonPath b = answers.get(1).get();
            assertEquals(a.getString("refreshToken"), b.getString("refreshToken"), "one successor for both");
            assertNotEquals(first, a.getString("refreshToken"));
            assertEquals(pair.getString("sessionId"), b.getString("sessionId"));
            // Neither caller was logged out: both access tokens work, and the successor rotates on as usual.
            given().auth().oauth2(a.getString("accessToken")).when().get("/api/v1/me").then().statusCode(200);
            given().auth().oauth2(b.getString("accessToken")).when().get("/api/v1/me").then().statusCode(200);
            refresh(a.getString("refreshToken")).statusCode(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reuseAfterTheGraceWindowRevokesTheWholeFamily() throws Exception {
        JsonPath pair = Logins.resident(Logins.newPhone());
        String first = pair.getString("refreshToken");
        JsonPath second = refresh(first).statusCode(200).extract().jsonPath();
        backdate("refresh_token", "used_at", pair.getString("sessionId"), Duration.ofSeconds(11));

        refresh(first).statusCode(401).body("code", equalTo("REFRESH_TOKEN_INVALID"));
        // The legitimate holder's newer tokens are dead too: the family is revoked.
        refresh(second.getString("refreshToken")).statusCode(401);
        given().auth().oauth2(second.getString("accessToken")).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void withinTheWindowAReusedTokenWhoseSuccessorWasAlreadyUsedStillRevokes() {
        JsonPath pair = Logins.resident(Logins.newPhone());
        String first = pair.getString("refreshToken");
        String second = refresh(first).statusCode(200).extract().path("refreshToken");
        JsonPath third = refresh(second).statusCode(200).extract().jsonPath();

        refresh(first).statusCode(401).body("code", equalTo("REFRESH_TOKEN_INVALID"));
        refresh(third.getString("refreshToken")).statusCode(401);
    }

    @Test
    void aResidentRefreshNeverCarriesTheSessionPastThirtyDaysFromLogin() throws Exception {
        JsonPath pair = Logins.resident(Logins.newPhone());
        String session = pair.getString("sessionId");
        assertTrue(pair.getInt("refreshExpiresIn") <= Duration.ofDays(30).toSeconds());
        // Logged in 29 days and 23 hours ago: a refresh now may keep the session one more hour, not 30 days.
        Duration ago = Duration.ofDays(29).plusHours(23);
        backdate("auth_session", "created_at", session, ago);
        backdate("auth_session", "absolute_expires_at", session, ago);
        int left = refresh(pair.getString("refreshToken")).statusCode(200).extract().path("refreshExpiresIn");
        assertTrue(left <= Duration.ofHours(1).toSeconds(), "refresh extended the session by " + left + " s");
        assertTrue(left > Duration.ofMinutes(58).toSeconds(), left + " s");
    }

    @Test
    void pastItsAbsoluteEndASessionCannotBeRefreshed() throws Exception {
        JsonPath pair = Logins.resident(Logins.newPhone());
        String session = pair.getString("sessionId");
        Duration ago = Duration.ofDays(30).plusMinutes(1);
        backdate("auth_session", "created_at", session, ago);
        backdate("auth_session", "absolute_expires_at", session, ago);
        refresh(pair.getString("refreshToken")).statusCode(401).body("code", equalTo("REFRESH_TOKEN_INVALID"));
    }
}
