package app.banhao.platform.tracing;

import static app.banhao.testing.CollectedSpans.newTraceId;
import static app.banhao.testing.CollectedSpans.sampled;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.CollectedSpans;
import app.banhao.testing.LogCapture;
import app.banhao.testing.Logins;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * OpenTelemetry across HTTP, PostgreSQL and Redis (issue 16): a caller's sampled W3C trace is continued, the
 * request's database and Redis calls are spans of it, and the trace id is in the log lines and problem documents.
 */
@QuarkusTest
class TracingTest {

    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> DB_STATEMENT = AttributeKey.stringKey("db.statement");

    /**
     * A call of the PostgreSQL client: the SQL client's spans carry the statement (with its $n placeholders, never
     * the values). Their db.system is the database's name in this Quarkus version, so it cannot tell.
     */
    private static boolean isPostgresCall(SpanData span) {
        String statement = span.getAttributes().get(DB_STATEMENT);
        return span.getKind() == SpanKind.CLIENT && statement != null && statement.matches("(?is)\\s*(with|select|insert|update|delete)\\b.*");
    }

    @Inject
    CollectedSpans spans;

    @Test
    void aLoginIsOneTraceWithItsPostgresAndRedisCalls() {
        String phone = Logins.newPhone();
        String code = Logins.sendOtp(phone);
        String traceId = newTraceId();
        given().header("traceparent", sampled(traceId)).contentType(ContentType.JSON)
                .body("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\",\"client\":\"APP\"}")
                .when().post("/api/v1/auth/login")
                .then().statusCode(200);

        List<SpanData> trace = spans.ofRequest(traceId);
        String seen = trace.stream().map(s -> s.getKind() + " " + s.getName()).toList().toString();
        assertTrue(trace.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/api/v1/auth/login")),
                "the server span of the request: " + seen);
        assertTrue(trace.stream().anyMatch(s -> isPostgresCall(s)),
                "a PostgreSQL call of the request, in its trace: " + seen);
        assertTrue(trace.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT && "redis".equals(s.getAttributes().get(DB_SYSTEM))),
                "a Redis call of the request, in its trace: " + seen);
    }

    @Test
    void aProblemDocumentAndTheRequestsLogLinesCarryItsTraceId() {
        String traceId = newTraceId();
        try (LogCapture log = LogCapture.start()) {
            // A code request logs the code (local SMS gateway) inside the request.
            given().header("traceparent", sampled(traceId)).contentType(ContentType.JSON)
                    .body("{\"phone\":\"" + Logins.newPhone() + "\"}")
                    .when().post("/api/v1/auth/otp")
                    .then().statusCode(202);
            List<String> traces = log.records().stream().filter(r -> LogCapture.describe(r).contains("login code for"))
                    .map(r -> LogCapture.mdc(r, "traceId")).toList();
            assertFalse(traces.isEmpty(), "the request logged its code");
            assertEquals(List.of(traceId), traces.stream().distinct().toList(), "the request's log line names its trace");
        }

        given().header("traceparent", sampled(traceId)).accept("application/json")
                .when().get("/api/v1/catalog/items/NO-SUCH-ITEM")
                .then().statusCode(404)
                .body("traceId", org.hamcrest.Matchers.equalTo(traceId));
    }

    @Test
    void anUntracedCallerStillGetsATraceIdToQuote() {
        String traceId = given().accept("application/json")
                .when().get("/api/v1/catalog/items/NO-SUCH-ITEM")
                .then().statusCode(404)
                .extract().path("traceId");
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        assertNotEquals("0".repeat(32), traceId);
    }
}
