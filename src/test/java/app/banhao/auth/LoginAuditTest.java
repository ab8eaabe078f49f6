package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Logins, failures, refreshes and reuse land in the audit log (DESIGN.md §7). */
@QuarkusTest
class LoginAuditTest {

    @Inject
    DataSource jdbc;

    private int count(String action, String outcome, String actorOrTargetId) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_log WHERE action = ? AND outcome = ? AND (actor_id = ? OR target_id = ?)")) {
            s.setString(1, action);
            s.setString(2, outcome);
            s.setString(3, actorOrTargetId);
            s.setString(4, actorOrTargetId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void successfulLoginRefreshAndReuseAreAudited() throws Exception {
        var pair = Logins.resident(Logins.newPhone());
        String residentId = given().auth().oauth2(pair.getString("accessToken")).get("/api/v1/me").then().extract().path("id");
        assertEquals(1, count("auth.login", "SUCCESS", residentId));

        String body = "{\"refreshToken\":\"" + pair.getString("refreshToken") + "\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/refresh").then().statusCode(200);
        // Presented again at once: the grace window answers the same successor, and says so in the log.
        given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/refresh").then().statusCode(200);
        // Presented again after the window: reuse.
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE refresh_token SET used_at = used_at - interval '1 minute' WHERE session_id = ?")) {
            s.setObject(1, java.util.UUID.fromString(pair.getString("sessionId")));
            s.executeUpdate();
        }
        given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/refresh").then().statusCode(401);
        assertEquals(1, count("auth.refresh", "SUCCESS", residentId));
        assertEquals(1, count("auth.refresh.grace", "SUCCESS", residentId));
        assertEquals(1, count("auth.refresh.reuse", "DENIED", residentId));
    }

    @Test
    void failedLoginIsAuditedWithoutThePhoneInClear() throws Exception {
        String phone = Logins.newPhone();
        Logins.sendOtp(phone);
        given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"code\":\"000001\"}")
                .post("/api/v1/auth/login");
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'FAILURE' AND occurred_at > now() - interval '1 minute'")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                org.junit.jupiter.api.Assertions.assertTrue(rs.getInt(1) >= 1);
            }
        }
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_log WHERE target_id = ? OR details::text LIKE ?")) {
            s.setString(1, phone);
            s.setString(2, "%" + phone + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the audit log never holds a phone number in clear");
            }
        }
    }
}
