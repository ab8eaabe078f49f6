package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import org.junit.jupiter.api.Test;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.testing.Logins;
import app.banhao.testing.ProblemBodies;
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
                .then().statusCode(401).body("code", equalTo("OTP_INVALID"));
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
        // Burned by the fifth miss; the answer is the same as for any wrong code, and the right one is dead now.
        String burned = login(phone, wrong).statusCode(401).body("code", equalTo("OTP_INVALID")).extract().asString();
        String dead = login(phone, code).statusCode(401).body("code", equalTo("OTP_INVALID")).extract().asString();
        assertEquals(problem(burned), problem(dead));
    }

    private static io.restassured.response.ValidatableResponse login(String phone, String code) {
        return given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}")
                .when().post("/api/v1/auth/login").then();
    }

    /** A problem without its request and trace ids: what tells one refusal from another. */
    private static String problem(String body) {
        return ProblemBodies.withoutIds(body);
    }

    @Test
    void wrongExpiredUsedAndBurnedCodesAllAnswerTheSame() {
        String phone = Logins.newPhone();
        String code = Logins.sendOtp(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        String wrongOne = problem(login(phone, wrong).statusCode(401).extract().asString());
        login(phone, code).statusCode(200);
        assertEquals(wrongOne, problem(login(phone, code).statusCode(401).extract().asString()), "a used code");
        assertEquals(wrongOne, problem(login(Logins.newPhone(), "123456").statusCode(401).extract().asString()), "no code at all");
    }

    @Test
    void twentyFailedVerificationsADayStopLoginsByCodeForThatPhone() {
        String phone = Logins.newPhone();
        String phoneKey = crypto.blindIndexText("phone", phone);
        String code = Logins.sendOtp(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 20; i++) {
            login(phone, wrong).statusCode(401).body("code", equalTo("OTP_INVALID"));
        }
        // A fresh code (as a minute later) does not help: the phone's day of failures is used up.
        redis.key().del("banhao:rl:otp-phone-minute:" + phoneKey);
        String fresh = Logins.sendOtp(phone);
        login(phone, fresh).statusCode(429).body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[0-9]{5}"));
        // The window ends (as a day later): the code works again.
        redis.key().del("banhao:rl:otp-fail-phone-day:" + phoneKey);
        login(phone, fresh).statusCode(200);
    }

    @Test
    void anExpiredCodeIsRefused() {
        String phone = Logins.newPhone();
        String code = Logins.sendOtp(phone);
        // What five minutes would do: Redis drops the code.
        redis.key().del("banhao:otp:" + crypto.blindIndexText("phone", phone));
        given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}")
                .when().post("/api/v1/auth/login").then().statusCode(401).body("code", equalTo("OTP_INVALID"));
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

    /**
     * Watches Redis (MONITOR) while a code is sent: every command on the code's key runs inside a script, so no
     * crash or lost connection between HSET and PEXPIRE can leave a code without its expiry (issue 10, point 7).
     */
    @Test
    void aCodeAndItsExpiryAreStoredInOneScript() throws Exception {
        URI server = URI.create(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class).split(",")[0]);
        String phone = Logins.newPhone();
        String key = "banhao:otp:" + crypto.blindIndexText("phone", phone);
        String sentinel = "banhao:test:monitor-end:" + UUID.randomUUID();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String password = server.getUserInfo() == null ? null : server.getUserInfo().substring(server.getUserInfo().indexOf(':') + 1);
            if (password != null && !password.isEmpty()) {
                out.write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertEquals("+OK", in.readLine());
            }
            out.write("MONITOR\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("+OK", in.readLine());
            Logins.sendOtp(phone);
            redis.key().exists(sentinel);
            List<String> onTheKey = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.contains(sentinel); line = in.readLine()) {
                if (line.contains(key)) {
                    // Commands as sent: the Redis client writes them in lower case, scripts as written.
                    onTheKey.add(line.replace(key, "<key>").toUpperCase(java.util.Locale.ROOT));
                }
            }
            assertTrue(onTheKey.stream().anyMatch(l -> l.contains("\"HSET\"")), "the code was stored: " + onTheKey);
            for (String line : onTheKey) {
                if (line.contains("\"HSET\"") || line.contains("\"PEXPIRE\"")) {
                    assertTrue(line.contains(" LUA]"), "stored outside a script: " + line);
                }
            }
        }
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
