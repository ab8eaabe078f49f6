package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.testing.Logins;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ResidentLoginTest {

    @Inject
    RedisDataSource redis;

    @Inject
    DataProtection crypto;

    @Test
    void otpLoginRefreshAndLogoutEndTheOldAccessToken() {
        String phone = Logins.newPhone();
        var pair = Logins.resident(phone);
        String access = pair.getString("accessToken");
        given().auth().oauth2(access).when().get("/api/v1/me")
                .then().statusCode(200).body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("level", equalTo("L1"));

        var refreshed = given().contentType(ContentType.JSON)
                .body("{\"refreshToken\":\"" + pair.getString("refreshToken") + "\"}")
                .when().post("/api/v1/auth/refresh").then().statusCode(200).extract().jsonPath();
        assertNotEquals(pair.getString("refreshToken"), refreshed.getString("refreshToken"));
        assertEquals(pair.getString("sessionId"), refreshed.getString("sessionId"));

        String newAccess = refreshed.getString("accessToken");
        given().auth().oauth2(newAccess).when().post("/api/v1/auth/logout").then().statusCode(204);
        given().auth().oauth2(newAccess).when().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(access).when().get("/api/v1/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"" + refreshed.getString("refreshToken") + "\"}")
                .when().post("/api/v1/auth/refresh").then().statusCode(401).body("code", equalTo("REFRESH_TOKEN_INVALID"));
    }

    @Test
    void aCodeWorksOnce() {
        String phone = Logins.newPhone();
        String code = Logins.sendOtp(phone);
        String body = "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/auth/login").then().statusCode(200);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/auth/login")
                .then().statusCode(401).body("code", equalTo("OTP_EXPIRED"));
    }

    @Test
    void fiveWrongCodesBurnIt() {
        String phone = Logins.newPhone();
        String code = Logins.sendOtp(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"code\":\"" + wrong + "\"}")
                    .when().post("/api/v1/auth/login").then().statusCode(401).body("code", equalTo("OTP_INVALID"));
        }
        given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"code\":\"" + wrong + "\"}")
                .when().post("/api/v1/auth/login").then().statusCode(401).body("code", equalTo("OTP_BURNED"));
        given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}")
                .when().post("/api/v1/auth/login").then().statusCode(401).body("code", equalTo("OTP_EXPIRED"));
    }

    @Test
    void anExpiredCodeIsRefused() {
        String phone = Logins.newPhone();
        String code = Logins.sendOtp(phone);
        // What five minutes would do: Redis drops the code.
        redis.key().del("banhao:otp:" + crypto.blindIndexText("phone", phone));
        given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}")
                .when().post("/api/v1/auth/login").then().statusCode(401).body("code", equalTo("OTP_EXPIRED"));
    }

    @Test
    void codeIsStoredOnlyAsAKeyedHashForFiveMinutes() {
        String phone = Logins.newPhone();
        String code = Logins.sendOtp(phone);
        String key = "banhao:otp:" + crypto.blindIndexText("phone", phone);
        var stored = redis.hash(String.class).hgetall(key);
        assertNotEquals(code, stored.get("h"));
        org.junit.jupiter.api.Assertions.assertFalse(stored.toString().contains(code));
        long ttl = redis.key().pttl(key);
        org.junit.jupiter.api.Assertions.assertTrue(ttl > 290_000 && ttl <= 300_000, "ttl " + ttl);
    }

    @Test
    void aSecondCodeWithinAMinuteIs429WithRetryAfter() {
        String phone = Logins.newPhone();
        Logins.sendOtp(phone);
        given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\"}")
                .when().post("/api/v1/auth/otp")
                .then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void tenCodesADayPerPhone() {
        String phone = Logins.newPhone();
        String phoneKey = crypto.blindIndexText("phone", phone);
        redis.value(Integer.class).setex("banhao:rl:otp-phone-day:" + phoneKey, 3600, 10);
        given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\"}")
                .when().post("/api/v1/auth/otp").then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void sendingIsLimitedPerClientIp() {
        redis.value(Integer.class).setex("banhao:rl:otp-ip-hour:127.0.0.1", 60, 100_000);
        try {
            given().contentType(ContentType.JSON).body("{\"phone\":\"" + Logins.newPhone() + "\"}")
                    .when().post("/api/v1/auth/otp").then().statusCode(429).header("Retry-After", notNullValue());
        } finally {
            redis.key().del("banhao:rl:otp-ip-hour:127.0.0.1");
        }
    }

    @Test
    void badPhoneIsNamed() {
        given().contentType(ContentType.JSON).body("{\"phone\":\"12345\"}")
                .when().post("/api/v1/auth/otp")
                .then().statusCode(422).body("errors[0].field", equalTo("phone"))
                .body(not(org.hamcrest.Matchers.containsString("Exception")));
    }
}
