package app.banhao.resident;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.api.model.TokenPair;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.crypto.Digests;
import app.banhao.platform.session.AuthSession;
import app.banhao.testing.CollectedSpans;
import app.banhao.testing.Logins;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;

/** A login's rows, written by one statement: the resident (opened on the first login), the session, its refresh token, the audit line. */
@QuarkusTest
class ResidentLoginsTest {

    @Inject
    DataSource jdbc;

    @Inject
    ResidentLogins logins;

    @Inject
    DataProtection crypto;

    @Inject
    CollectedSpans spans;

    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> DB_STATEMENT = AttributeKey.stringKey("db.statement");

    @Test
    void aFirstLoginOpensTheResidentWithTheSessionItsRefreshTokenAndTheAuditLine() throws Exception {
        String phone = Logins.newPhone();
        var pair = Logins.resident(phone);
        UUID sessionId = UUID.fromString(pair.getString("sessionId"));
        String residentId = given().auth().oauth2(pair.getString("accessToken")).get("/api/v1/me").then().statusCode(200)
                .extract().path("id");
        try (Connection c = jdbc.getConnection()) {
            List<Object> resident = row(c, "SELECT id::text, level, language, large_text, version, phone_enc, created_at FROM resident"
                    + " WHERE phone_idx = ?", crypto.blindIndex("phone", phone));
            assertEquals(List.of(residentId, "L1", "zh", false, 0), resident.subList(0, 5));
            assertFalse(new String((byte[]) resident.get(5), StandardCharsets.ISO_8859_1).contains(phone), "the phone is stored sealed");
            assertEquals(phone, crypto.decrypt((byte[]) resident.get(5)));

            List<Object> session = row(c, "SELECT subject_type, subject_id::text, client, created_at, last_used_at, expires_at,"
                    + " absolute_expires_at FROM auth_session WHERE id = ?", sessionId);
            assertEquals(List.of("RESIDENT", residentId, "APP"), session.subList(0, 3));
            OffsetDateTime opened = (OffsetDateTime) session.get(3);
            assertEquals(opened, session.get(4));
            assertEquals(opened.plus(Duration.ofDays(30)).toInstant(), ((OffsetDateTime) session.get(6)).toInstant());
            assertEquals(opened.plusSeconds(pair.getLong("refreshExpiresIn")).toInstant(), ((OffsetDateTime) session.get(5)).toInstant());
            assertEquals(opened.toInstant(), ((OffsetDateTime) resident.get(6)).toInstant(), "opened at the login's instant");

            List<Object> refresh = row(c, "SELECT token_hash, issued_at, expires_at, used_at FROM refresh_token WHERE session_id = ?",
                    sessionId);
            assertArrayEquals(Digests.sha256(pair.getString("refreshToken")), (byte[]) refresh.get(0));
            assertEquals(opened.toInstant(), ((OffsetDateTime) refresh.get(1)).toInstant());
            assertEquals(((OffsetDateTime) session.get(5)).toInstant(), ((OffsetDateTime) refresh.get(2)).toInstant());
            assertNull(refresh.get(3));

            List<Object> audit = row(c, "SELECT actor_type, outcome, details->>'method', details->>'client', client_ip FROM audit_log"
                    + " WHERE action = 'auth.login' AND actor_id = ?", residentId);
            assertEquals(List.of("resident", "SUCCESS", "otp", "APP", "127.0.0.1"), audit);
        }
    }

    @Test
    void aResidentLoggingInAgainKeepsTheirAccountAndGetsANewSession() throws Exception {
        String phone = Logins.newPhone();
        TokenPair first = login(phone, AuthSession.Client.APP);
        TokenPair second = login(phone, AuthSession.Client.MINI_PROGRAM);
        try (Connection c = jdbc.getConnection()) {
            assertEquals(1L, row(c, "SELECT count(*) FROM resident WHERE phone_idx = ?", crypto.blindIndex("phone", phone)).get(0));
            Object subject = row(c, "SELECT subject_id FROM auth_session WHERE id = ?", first.getSessionId()).get(0);
            assertEquals(List.of(subject, "MINI_PROGRAM"), row(c, "SELECT subject_id, client FROM auth_session WHERE id = ?",
                    second.getSessionId()));
            assertEquals(2L, row(c, "SELECT count(*) FROM audit_log WHERE action = 'auth.login' AND actor_id = ?",
                    subject.toString()).get(0));
        }
    }

    @Test
    void firstLoginsOfOnePhoneAtTheSameTimeMeetInOneResident() throws Exception {
        for (int round = 0; round < 5; round++) {
            String phone = Logins.newPhone();
            List<Uni<TokenPair>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(logins.open(phone, AuthSession.Client.APP, AuditEvent.of("auth.login").details(Map.of("method", "test"))));
            }
            List<TokenPair> pairs = Uni.join().all(racing).andFailFast().await().atMost(Duration.ofSeconds(30));
            Set<Object> subjects = new HashSet<>();
            try (Connection c = jdbc.getConnection()) {
                assertEquals(1L, row(c, "SELECT count(*) FROM resident WHERE phone_idx = ?", crypto.blindIndex("phone", phone)).get(0));
                for (TokenPair pair : pairs) {
                    subjects.add(row(c, "SELECT subject_id FROM auth_session WHERE id = ?", pair.getSessionId()).get(0));
                }
            }
            assertEquals(1, subjects.size(), "every session belongs to the one resident");
            assertEquals(8, pairs.stream().map(TokenPair::getSessionId).distinct().count());
        }
    }

    /** The point of {@link ResidentLogins}: counted from the request's trace, so a statement added to a login is seen here. */
    @Test
    void aLoginSendsOneStatementToPostgres() {
        String phone = Logins.newPhone();
        String code = Logins.sendOtp(phone);
        String traceId = CollectedSpans.newTraceId();
        given().header("traceparent", CollectedSpans.sampled(traceId)).contentType(ContentType.JSON)
                .body("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}").post("/api/v1/auth/login").then().statusCode(200);
        List<SpanData> trace = spans.ofRequest(traceId);
        List<String> redis = new ArrayList<>();
        List<String> postgres = new ArrayList<>();
        for (SpanData span : trace) {
            if (span.getKind() != SpanKind.CLIENT) {
                continue;
            }
            if ("redis".equals(span.getAttributes().get(DB_SYSTEM))) {
                redis.add(span.getName());
            } else if (span.getAttributes().get(DB_STATEMENT) != null) {
                postgres.add(span.getAttributes().get(DB_STATEMENT));
            }
        }
        assertFalse(redis.isEmpty(), "the code was checked in Redis, in the trace: " + trace);
        assertEquals(1, postgres.size(), "PostgreSQL statements of one login: " + postgres);
        assertTrue(postgres.get(0).contains("INSERT INTO auth_session"), postgres.get(0));
    }

    private TokenPair login(String phone, AuthSession.Client client) {
        return logins.open(phone, client, AuditEvent.of("auth.login").details(Map.of("method", "test")))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static List<Object> row(Connection c, String sql, Object parameter) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no row for " + sql);
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    values.add(value instanceof Timestamp ? rs.getObject(i, OffsetDateTime.class) : value);
                }
                return values;
            }
        }
    }
}
