package app.banhao.platform.ratelimit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.testing.Burst;
import app.banhao.testing.Logins;
import app.banhao.testing.TestIdNumbers;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 10, point 4 (kind): every rate limit in the code holds against a parallel burst. Each test names the
 * limit it proves ({@link #CASES}); {@link #everyLimitInTheCodeHasABurstCase()} reads the main sources for
 * every {@code new Limit("name", ...)}, so a limit added later without a burst case fails the suite.
 */
@QuarkusTest
class RateLimitBurstTest {

    /** The limits proven below, by the name they count under in Redis. */
    static final Set<String> CASES = Set.of("pwd-fail-account", "pwd-fail-ip", "progress-failed-number-ip", "progress-ip-hour",
            "otp-phone-minute", "otp-phone-day", "otp-ip-hour", "otp-fail-phone-day", "real-name-resident-day", "real-name-ip-hour",
            "staff-login-ip");

    private static final String GOOD = "Fu-Rong-Qu-2026!";
    /** How the test client's address may appear in a key, whichever loopback the connection used. */
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    @Inject
    RedisDataSource redis;

    @Inject
    DataProtection crypto;

    /** Per-IP counters are shared by every test of the run (one client address): leave them as found. */
    @AfterEach
    void forgetPerIpCounters() {
        for (String name : List.of("pwd-fail-ip", "progress-ip-hour", "otp-ip-hour", "real-name-ip-hour", "staff-login-ip")) {
            LOOPBACK.forEach(ip -> redis.key().del(key(name, ip)));
        }
    }

    private static String key(String limit, String subject) {
        return "banhao:rl:" + limit + ":" + subject;
    }

    /** Puts the client's counter of {@code limit} at {@code value}, as after that many hits this window. */
    private void preset(String limit, int value) {
        LOOPBACK.forEach(ip -> redis.value(Integer.class).setex(key(limit, ip), 600, value));
    }

    private static Response passwordLogin(String phone, String password) {
        return given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"password\":\"" + password + "\"}")
                .post("/api/v1/auth/password-login");
    }

    private static Response sendOtp(String phone) {
        return given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\"}").post("/api/v1/auth/otp");
    }

    @Test
    void passwordGuessesPerAccount() throws Exception {
        String phone = Logins.newPhone();
        given().auth().oauth2(Logins.resident(phone).getString("accessToken")).contentType(ContentType.JSON)
                .body("{\"newPassword\":\"" + GOOD + "\"}").put("/api/v1/me/password").then().statusCode(204);
        forgetPerIpCounters();
        int through = Burst.assertAtMost(5, "wrong passwords for one account", i -> passwordLogin(phone, "Wrong-Password-" + i));
        assertTrue(through > 0, "the first guesses are answered");
        assertEquals(429, passwordLogin(phone, GOOD).statusCode(), "the account stays limited, even for the right password");
    }

    @Test
    void passwordGuessesPerClientIp() throws Exception {
        forgetPerIpCounters();
        Burst.assertAtMost(20, "wrong passwords from one client", i -> passwordLogin(Logins.newPhone(), "Wrong-Password-" + i));
    }

    @Test
    void progressLookupGuessesPerNumberAndClient() throws Exception {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String right = given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().extract().path("queryCode");
        Burst.assertAtMost(5, "wrong query codes for one number", i -> {
            String guess = "ABC" + String.format("%05d", i).replace('0', 'Z').replace('1', 'Y');
            return given().contentType(ContentType.JSON)
                    .body("{\"applicationNo\":\"" + no + "\",\"queryCode\":\"" + (guess.equals(right) ? "XXXXXXXX" : guess) + "\"}")
                    .post("/api/v1/progress-lookups");
        });
    }

    @Test
    void progressLookupsPerClientIp() throws Exception {
        preset("progress-ip-hour", 100_000 - 10);
        Burst.assertAtMost(10, "lookups from one client", i -> given().contentType(ContentType.JSON)
                .body("{\"applicationNo\":\"43000019990101" + String.format("%08d", i) + "\",\"queryCode\":\"ABCDEFGH\"}")
                .post("/api/v1/progress-lookups"));
    }

    @Test
    void otpVerificationsPerPhonePerDay() throws Exception {
        String phone = Logins.newPhone();
        String code = Logins.sendOtp(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        Burst.assertAtMost(20, "wrong codes for one phone", i -> given().contentType(ContentType.JSON)
                .body("{\"phone\":\"" + phone + "\",\"code\":\"" + wrong + "\"}").post("/api/v1/auth/login"));
    }

    private static Response verifyRealName(String token, String idNumber) {
        // The local identity verifier refuses this name: each check that gets through is a 422 mismatch.
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"不符测试\",\"idNumber\":\"" + idNumber + "\"}").post("/api/v1/me/real-name");
    }

    @Test
    void realNameChecksPerResident() throws Exception {
        String token = Logins.newResidentToken();
        Burst.assertAtMost(5, "real-name checks of one resident", i -> verifyRealName(token, TestIdNumbers.unique()));
    }

    @Test
    void realNameChecksPerClientIp() throws Exception {
        String token = Logins.newResidentToken();
        preset("real-name-ip-hour", 100_000 - 3);
        Burst.assertAtMost(3, "real-name checks from one client", i -> verifyRealName(token, TestIdNumbers.unique()));
    }

    @Test
    void otpSendingPerPhonePerMinute() throws Exception {
        String phone = Logins.newPhone();
        assertEquals(1, Burst.assertAtMost(1, "codes sent to one phone in a minute", i -> sendOtp(phone)));
    }

    @Test
    void otpSendingPerPhonePerDay() throws Exception {
        String phone = Logins.newPhone();
        // The day's ten codes are gone (as if sent a minute apart); the minute limit is not what refuses here.
        redis.value(Integer.class).setex(key("otp-phone-day", crypto.blindIndexText("phone", phone)), 600, 10);
        Burst.assertAtMost(0, "codes sent to one phone past its day", i -> sendOtp(phone));
    }

    @Test
    void otpSendingPerClientIp() throws Exception {
        preset("otp-ip-hour", 100_000 - 5);
        Burst.assertAtMost(5, "codes sent from one client", i -> sendOtp(Logins.newPhone()));
    }

    @Test
    void staffLoginsPerClientIp() throws Exception {
        preset("staff-login-ip", 100_000 - 10);
        Burst.assertAtMost(10, "staff logins from one client", i -> given().contentType(ContentType.JSON)
                .body("{\"username\":\"nobody-" + i + "\",\"password\":\"Wrong-Password-1\",\"totp\":\"000000\"}")
                .post("/api/v1/staff/auth/login"));
    }

    @Test
    void everyLimitInTheCodeHasABurstCase() throws IOException {
        Pattern declared = Pattern.compile("new Limit\\(\"([^\"]+)\"");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = declared.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        assertEquals(new TreeSet<>(CASES), found, "every limit in src/main/java needs a burst case here, and every case a limit");
    }
}
