package app.banhao.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import app.banhao.testing.ProblemBodies;
import app.banhao.testing.TestIdNumbers;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RealNameTest {

    @Inject
    DataSource jdbc;

    @Inject
    RedisDataSource redis;

    private static io.restassured.response.ValidatableResponse verify(String token, String name, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"idNumber\":\"" + id + "\"}")
                .when().post("/api/v1/me/real-name").then();
    }

    @Test
    void verificationRaisesTheLevelAndAnswersMasked() {
        String token = Logins.newResidentToken();
        String id = TestIdNumbers.unique();
        verify(token, "张三丰", id).statusCode(200)
                .body("level", equalTo("L2"))
                .body("name", equalTo("张**"))
                .body("idNumber", equalTo(id.substring(0, 3) + "***********" + id.substring(14)));
        given().auth().oauth2(token).when().get("/api/v1/me").then().body("level", equalTo("L2"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(id)));
    }

    @Test
    void malformedIdNumbersAreNamed() {
        String token = Logins.newResidentToken();
        String good = TestIdNumbers.unique();
        char wrongCheck = good.charAt(17) == '1' ? '2' : '1';
        for (String bad : new String[] { good.substring(0, 17) + wrongCheck, "990102199003071234", "430102199013071230" }) {
            verify(token, "李四", bad).statusCode(422).body("code", equalTo("ID_NUMBER_INVALID"))
                    .body("errors[0].field", equalTo("idNumber"));
        }
    }

    /** A problem without its request and trace ids: what tells one refusal from another. */
    private static String problem(String body) {
        return ProblemBodies.withoutIds(body);
    }

    @Test
    void aTakenIdNumberIsRefusedLikeAMismatchAndItsOwnerIsTold() {
        String id = TestIdNumbers.unique();
        String owner = Logins.newResidentToken();
        verify(owner, "王五", id).statusCode(200);
        String taken = verify(Logins.newResidentToken(), "王五", id).statusCode(422).body("code", equalTo("REAL_NAME_MISMATCH"))
                .extract().asString();
        String mismatch = verify(Logins.newResidentToken(), "不符测试", TestIdNumbers.unique()).statusCode(422).extract().asString();
        assertEquals(problem(mismatch), problem(taken), "a taken ID number answers exactly like a mismatch");

        given().auth().oauth2(owner).get("/api/v1/me/messages").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].title", equalTo("有人尝试用您的身份证号实名认证"))
                .body("items[0].body", containsString("另一个账号尝试使用您的身份证号"))
                .body("items[0].applicationNo", nullValue())
                .body("items[0].read", equalTo(false));
    }

    @Test
    void checksAreLimitedPerResident() {
        String token = Logins.newResidentToken();
        for (int i = 0; i < 5; i++) {
            verify(token, "不符测试", TestIdNumbers.unique()).statusCode(422);
        }
        verify(token, "张三丰", TestIdNumbers.unique()).statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void checksAreLimitedPerClientIp() {
        List<String> keys = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1").stream().map(ip -> "banhao:rl:real-name-ip-hour:" + ip).toList();
        try {
            keys.forEach(k -> redis.value(Integer.class).setex(k, 600, 100_000));
            verify(Logins.newResidentToken(), "张三丰", TestIdNumbers.unique()).statusCode(429).header("Retry-After", notNullValue());
        } finally {
            keys.forEach(k -> redis.key().del(k));
        }
    }

    @Test
    void aMismatchFromTheIdentityProviderIsRefused() {
        verify(Logins.newResidentToken(), "不符测试", TestIdNumbers.unique()).statusCode(422).body("code", equalTo("REAL_NAME_MISMATCH"));
    }

    @Test
    void theDatabaseHoldsPhoneNameAndIdNumberEncrypted() throws Exception {
        String phone = Logins.newPhone();
        String token = Logins.resident(phone).getString("accessToken");
        String id = TestIdNumbers.unique();
        String residentId = verify(token, "赵六", id).statusCode(200).extract().path("id");
        try (Connection c = jdbc.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT phone_enc, name_enc, id_number_enc, phone_idx, id_number_idx FROM resident WHERE id = ?")) {
            s.setObject(1, UUID.fromString(residentId));
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                for (int column = 1; column <= 5; column++) {
                    String raw = new String(rs.getBytes(column), StandardCharsets.ISO_8859_1);
                    assertFalse(raw.contains(phone) || raw.contains(id) || raw.contains(id.substring(6, 14)),
                            "column " + column + " holds personal data in clear");
                    assertFalse(new String(rs.getBytes(column), StandardCharsets.UTF_8).contains("赵六"));
                }
            }
        }
    }
}
