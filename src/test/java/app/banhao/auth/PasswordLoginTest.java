package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PasswordLoginTest {

    private static final String GOOD = "Fu-Rong-Qu-2026!";

    @Inject
    RedisDataSource redis;

    private static void setPassword(String token, String body, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/me/password").then().statusCode(status);
    }

    private static io.restassured.response.ValidatableResponse login(String phone, String password) {
        return given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"password\":\"" + password + "\"}")
                .when().post("/api/v1/auth/password-login").then();
    }

    @Test
    void weakPasswordsAreRefusedNamingTheField() {
        String phone = Logins.newPhone();
        String token = Logins.resident(phone).getString("accessToken");
        for (String weak : new String[] { "12345678", "Password1", "aaaaaaaaaa", "x" + phone }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"newPassword\":\"" + weak + "\"}")
                    .when().put("/api/v1/me/password")
                    .then().statusCode(422).body("errors[0].field", equalTo("newPassword"));
        }
    }

    @Test
    void setThenLoginWithPassword() {
        String phone = Logins.newPhone();
        String token = Logins.resident(phone).getString("accessToken");
        setPassword(token, "{\"newPassword\":\"" + GOOD + "\"}", 204);
        login(phone, GOOD).statusCode(200).body("accessToken", notNullValue());
        login(phone, "Wrong-Password-1").statusCode(401).body("code", equalTo("CREDENTIALS_INVALID"));
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).body("hasPassword", equalTo(true));
    }

    @Test
    void changingThePasswordEndsOtherSessionsAndNeedsTheCurrentOne() {
        String phone = Logins.newPhone();
        String first = Logins.resident(phone).getString("accessToken");
        setPassword(first, "{\"newPassword\":\"" + GOOD + "\"}", 204);
        String second = login(phone, GOOD).statusCode(200).extract().path("accessToken");

        setPassword(second, "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"Another-Good-One-9\"}", 422);
        setPassword(second, "{\"currentPassword\":\"" + GOOD + "\",\"newPassword\":\"Another-Good-One-9\"}", 204);

        given().auth().oauth2(first).when().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(second).when().get("/api/v1/me").then().statusCode(200);
        login(phone, GOOD).statusCode(401);
        login(phone, "Another-Good-One-9").statusCode(200);
    }

    @Test
    void fiveFailuresLockTheAccountForAWhile() {
        String phone = Logins.newPhone();
        setPassword(Logins.resident(phone).getString("accessToken"), "{\"newPassword\":\"" + GOOD + "\"}", 204);
        for (int i = 0; i < 5; i++) {
            login(phone, "Wrong-Password-" + i).statusCode(401);
        }
        login(phone, GOOD).statusCode(429).header("Retry-After", notNullValue()).body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void failuresAreAlsoLimitedPerClientIp() {
        redis.value(Integer.class).setex("banhao:rl:pwd-fail-ip:127.0.0.1", 60, 20);
        try {
            login(Logins.newPhone(), "Whatever-It-Is-1").statusCode(429);
        } finally {
            redis.key().del("banhao:rl:pwd-fail-ip:127.0.0.1");
        }
    }

    @Test
    void unknownPhoneLooksLikeAWrongPassword() {
        login(Logins.newPhone(), GOOD).statusCode(401).body("code", equalTo("CREDENTIALS_INVALID"));
    }
}
