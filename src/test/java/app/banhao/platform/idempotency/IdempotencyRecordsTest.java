package app.banhao.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import app.banhao.api.model.AddressCreate;
import app.banhao.api.model.StaffUserCreate;
import app.banhao.testing.Logins;
import app.banhao.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/**
 * What a replay record keeps (issue 10 point 9): no secret, no personal data in clear, a keyed fingerprint of
 * the request, and nothing past its retention.
 */
@QuarkusTest
class IdempotencyRecordsTest {

    private static final String PASSWORD = "Chu-Shi-Mi-Ma-2026";
    /** How the fingerprint was made before it was keyed: SHA-256 of the body with sorted keys. */
    private static final ObjectMapper SORTED = JsonMapper.builder().findAndAddModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .build();

    @Inject
    AgroalDataSource database;

    @Inject
    IdempotencyRetention retention;

    record Stored(byte[] requestHash, byte[] response) {
    }

    @Test
    void createStaffUserKeepsNoSecretAndARetryIsRefusedNotReplayed() throws Exception {
        String admin = UUID.randomUUID().toString();
        String token = TestTokens.staff(admin, "HN-SCJ", "ADMIN");
        String key = UUID.randomUUID().toString();
        String body = "{\"username\":\"idem" + System.nanoTime() + "\",\"displayName\":\"幂等\",\"department\":\"HNWJW\","
                + "\"roles\":[\"REVIEWER\"],\"initialPassword\":\"" + PASSWORD + "\"}";
        String uri = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/staff/users").then().statusCode(201).extract().path("totp.otpauthUri");

        Stored stored = stored("staff:" + admin + ":createStaffUser", key);
        assertNull(stored.response(), "the answer with the TOTP enrolment is not kept at all");
        byte[] plainHash = sha256(SORTED.writeValueAsBytes(SORTED.readValue(body, StaffUserCreate.class)));
        assertFalse(Arrays.equals(plainHash, stored.requestHash()), "the fingerprint of a body with a password is keyed");
        assertNoTrace(stored, uri.substring(uri.indexOf("secret=") + 7, uri.indexOf('&', uri.indexOf("secret="))), PASSWORD);

        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/staff/users").then().statusCode(409).body("code", equalTo("IDEMPOTENT_RESPONSE_WITHHELD"));
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body.replace("幂等", "别的"))
                .when().post("/api/v1/staff/users").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aReplayableAnswerIsSealedAndStillReplays() throws Exception {
        String token = Logins.newResidentToken();
        String residentId = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("id");
        String key = UUID.randomUUID().toString();
        String body = "{\"recipient\":\"王秘密\",\"phone\":\"13987654321\",\"regionCode\":\"430102\",\"detail\":\"芙蓉区保密路 77 号\"}";
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/me/addresses").then().statusCode(201).extract().path("id");

        Stored stored = stored("resident:" + residentId + ":addMyAddress", key);
        assertNotNull(stored.response());
        assertNoTrace(stored, "王秘密", "13987654321", "保密路", first);
        byte[] plainHash = sha256(SORTED.writeValueAsBytes(SORTED.readValue(body, AddressCreate.class)));
        assertFalse(Arrays.equals(plainHash, stored.requestHash()), "the fingerprint is not a plain SHA-256 of the body");

        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/me/addresses").then().statusCode(201).body("id", equalTo(first));
    }

    @Test
    void recordsPastTheirRetentionArePurgedInBatchesAndRecentOnesKept() throws Throwable {
        String scope = "test:" + UUID.randomUUID();
        int old = IdempotencyRetention.BATCH + 500;
        try (Connection c = database.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at) "
                        + "SELECT ?, 'old-' || n, '\\x00'::bytea, now() - interval '25 hours' FROM generate_series(1, ?) n "
                        + "UNION ALL SELECT ?, 'recent-' || n, '\\x00'::bytea, now() - interval '23 hours' FROM generate_series(1, 3) n")) {
            insert.setString(1, scope);
            insert.setInt(2, old);
            insert.setString(3, scope);
            insert.executeUpdate();
        }
        long removed = VertxContextSupport.subscribeAndAwait(() -> retention.purgeFrom(0));
        assertTrue(removed >= old, "removed " + removed);
        assertEquals(0, count(scope, "old-%"));
        assertEquals(3, count(scope, "recent-%"));
    }

    @Test
    void aKeyPastItsRetentionIsFreeAgainEvenBeforeThePurge() throws Exception {
        String token = Logins.newResidentToken();
        String residentId = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("id");
        String key = UUID.randomUUID().toString();
        String body = "{\"recipient\":\"李四\",\"phone\":\"13912340000\",\"regionCode\":\"430102\",\"detail\":\"芙蓉区解放西路 8 号\"}";
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/me/addresses").then().statusCode(201).extract().path("id");
        try (Connection c = database.getConnection();
                PreparedStatement age = c.prepareStatement("UPDATE idempotency_record SET created_at = now() - interval '25 hours' "
                        + "WHERE scope = ? AND idem_key = ?")) {
            age.setString(1, "resident:" + residentId + ":addMyAddress");
            age.setString(2, key);
            assertEquals(1, age.executeUpdate());
        }
        String second = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("8 号", "9 号")).when().post("/api/v1/me/addresses").then().statusCode(201).extract().path("id");
        assertFalse(first.equals(second), "an expired key creates anew");
    }

    private Stored stored(String scope, String key) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT request_hash, response FROM idempotency_record WHERE scope = ? AND idem_key = ?")) {
            q.setString(1, scope);
            q.setString(2, key);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "a record for " + scope);
                return new Stored(rs.getBytes(1), rs.getBytes(2));
            }
        }
    }

    private int count(String scope, String keyPattern) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM idempotency_record WHERE scope = ? AND idem_key LIKE ?")) {
            q.setString(1, scope);
            q.setString(2, keyPattern);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void assertNoTrace(Stored stored, String... secrets) {
        String response = stored.response() == null ? "" : new String(stored.response(), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertFalse(response.contains(secret), "the stored answer holds " + secret + " in clear");
        }
        assertFalse(response.contains("otpauth") || response.contains("$2a$") || response.contains("$2b$"));
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
