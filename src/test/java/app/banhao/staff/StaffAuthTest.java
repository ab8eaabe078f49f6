package app.banhao.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class StaffAuthTest {

    private static ValidatableResponse login(String username, String password, String totp) {
        return given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"totp\":\"" + totp + "\"}")
                .when().post("/api/v1/staff/auth/login").then();
    }

    private static String secretOf(String username) {
        return DemoAccounts.STAFF.stream().filter(s -> s.username().equals(username)).findFirst().orElseThrow().totpSecret();
    }

    /** A code of a step not used before: TOTP codes are single-use, and tests log the demo staff in repeatedly. */
    private static String freshCode(String secret, int stepOffset) {
        return Totp.codeAt(secret, Instant.now().plusSeconds(30L * stepOffset));
    }

    private static String adminToken() {
        return TestTokens.staff(UUID.randomUUID().toString(), "HN-SCJ", "ADMIN");
    }

    private static String createStaff(String username, String password) {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"displayName\":\"测试员\",\"department\":\"HNWJW\","
                        + "\"roles\":[\"REVIEWER\"],\"initialPassword\":\"" + password + "\"}")
                .when().post("/api/v1/staff/users").then().statusCode(201)
                .body("user.username", equalTo(username)).body("user.roles[0]", equalTo("REVIEWER"))
                .body("totp.otpauthUri", startsWith("otpauth://totp/Banhao"))
                .extract().path("totp.otpauthUri");
    }

    private static String secretFromUri(String uri) {
        Matcher m = Pattern.compile("secret=([A-Z2-7]+)").matcher(uri);
        assertTrue(m.find(), uri);
        return m.group(1);
    }

    @Test
    void passwordPlusTotpLogsIn() {
        String name = "s" + System.nanoTime();
        String secret = secretFromUri(createStaff(name, "Chu-Shi-Mi-Ma-2026"));
        String token = login(name, "Chu-Shi-Mi-Ma-2026", freshCode(secret, 0)).statusCode(200)
                .body("accessToken", notNullValue()).extract().path("accessToken");
        given().auth().oauth2(token).when().get("/api/v1/staff/me").then().statusCode(200)
                .body("username", equalTo(name)).body("department", equalTo("HNWJW"));
    }

    @Test
    void aTotpCodeWorksOnce() {
        String name = "s" + System.nanoTime();
        String secret = secretFromUri(createStaff(name, "Chu-Shi-Mi-Ma-2026"));
        String code = freshCode(secret, 0);
        login(name, "Chu-Shi-Mi-Ma-2026", code).statusCode(200);
        login(name, "Chu-Shi-Mi-Ma-2026", code).statusCode(401).body("code", equalTo("CREDENTIALS_INVALID"));
    }

    @Test
    void wrongPasswordOrCodeFailsAndFiveFailuresLock() {
        String name = "s" + System.nanoTime();
        String secret = secretFromUri(createStaff(name, "Chu-Shi-Mi-Ma-2026"));
        login(name, "Chu-Shi-Mi-Ma-2026", "000000".equals(freshCode(secret, 0)) ? "111111" : "000000").statusCode(401);
        for (int i = 0; i < 4; i++) {
            login(name, "wrong-password", freshCode(secret, 0)).statusCode(401);
        }
        login(name, "Chu-Shi-Mi-Ma-2026", freshCode(secret, 1)).statusCode(429)
                .header("Retry-After", notNullValue()).body("code", equalTo("ACCOUNT_LOCKED"));
    }

    @Test
    void demoReviewerCanLogIn() {
        login("reviewer", DemoAccounts.STAFF_PASSWORD, freshCode(secretOf("reviewer"), -1)).statusCode(200);
    }

    @Test
    void enrolmentQrCodeIsAPng() {
        String body = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body("{\"username\":\"q" + System.nanoTime() + "\",\"displayName\":\"二维码\",\"department\":\"HNWJW\","
                        + "\"roles\":[\"AGENT\"],\"initialPassword\":\"Chu-Shi-Mi-Ma-2026\"}")
                .when().post("/api/v1/staff/users").then().statusCode(201).extract().path("totp.qrPngBase64");
        byte[] png = Base64.getDecoder().decode(body);
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(png, 4));
    }

    @Test
    void onlyAdminsCreateStaffAndUsernamesAreUnique() {
        String body = "{\"username\":\"dup" + System.nanoTime() + "\",\"displayName\":\"重复\",\"department\":\"HNWJW\","
                + "\"roles\":[\"AGENT\"],\"initialPassword\":\"Chu-Shi-Mi-Ma-2026\"}";
        given().auth().oauth2(TestTokens.staff(UUID.randomUUID().toString(), "HNWJW", "REVIEWER")).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/staff/users").then().statusCode(403);
        given().auth().oauth2(TestTokens.resident(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/staff/users").then().statusCode(403);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/staff/users").then().statusCode(201);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/staff/users").then().statusCode(409).body("code", equalTo("USERNAME_TAKEN"));
    }
}
