package app.banhao.application.progress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.SseClient;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.testing.Logins;
import app.banhao.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 10 point 15: a live-progress stream ends with its token and session, and a resident holds at most five
 * (a sixth ends the oldest).
 */
@QuarkusTest
class LiveProgressSessionTest {

    @TestHTTPResource("/api/v1/me/events")
    URI events;

    @Inject
    RedisDataSource redis;

    @Inject
    DataProtection crypto;

    private SseClient connected(String token) throws Exception {
        SseClient client = SseClient.open(events, token);
        assertEquals(200, client.status());
        // A heartbeat may come first when it runs while the stream is being set up.
        List<String> first = client.next(Duration.ofSeconds(5));
        while (List.of(":ping").equals(first)) {
            first = client.next(Duration.ofSeconds(5));
        }
        assertEquals(List.of(":connected"), first);
        return client;
    }

    @Test
    void theStreamEndsWhenItsAccessTokenExpires() throws Exception {
        String token = TestTokens.resident(UUID.randomUUID().toString(), "L1", Duration.ofSeconds(4));
        try (SseClient stream = connected(token)) {
            assertTrue(stream.ended(Duration.ofSeconds(8)), "the stream outlived its access token");
        }
    }

    @Test
    void theStreamEndsOnLogout() throws Exception {
        String access = Logins.newResidentToken();
        try (SseClient stream = connected(access)) {
            assertFalse(stream.ended(Duration.ofMillis(300)));
            given().auth().oauth2(access).when().post("/api/v1/auth/logout").then().statusCode(204);
            assertTrue(stream.ended(Duration.ofSeconds(2)), "the stream outlived the logout");
        }
    }

    @Test
    void everyStreamOfTheResidentEndsWhenAllSessionsEnd() throws Exception {
        String phone = Logins.newPhone();
        String app = Logins.resident(phone).getString("accessToken");
        // A second login of the same phone within the minute the OTP throttle allows.
        redis.key().del("banhao:rl:otp-phone-minute:" + crypto.blindIndexText("phone", phone));
        String miniProgram = Logins.resident(phone, "MINI_PROGRAM").getString("accessToken");
        try (SseClient one = connected(app); SseClient two = connected(miniProgram)) {
            given().auth().oauth2(app).when().delete("/api/v1/me/sessions").then().statusCode(204);
            assertTrue(one.ended(Duration.ofSeconds(2)), "the calling device's stream outlived the end of all sessions");
            assertTrue(two.ended(Duration.ofSeconds(2)), "another device's stream outlived the end of all sessions");
        }
    }

    @Test
    void aSixthStreamEndsTheOldestAndTheOthersStay() throws Exception {
        String token = Logins.newResidentToken();
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(connected(token));
            }
            open.add(connected(token));
            assertTrue(open.get(0).ended(Duration.ofSeconds(2)), "the oldest stream stayed open past the cap");
            for (SseClient s : open.subList(1, 6)) {
                assertFalse(s.ended(Duration.ofMillis(50)), "a stream other than the oldest was closed");
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }
}
