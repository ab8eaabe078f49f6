package app.banhao.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import app.banhao.application.SseClient;
import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.testing.EmbeddedServersResource;
import app.banhao.testing.LogCapture;
import app.banhao.testing.Management;
import app.banhao.testing.faults.Await;
import app.banhao.testing.access.Caller;
import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.contract.SpecOperation;
import app.banhao.testing.faults.FaultFixtureResource;
import app.banhao.testing.faults.PlausibleCalls;
import app.banhao.testing.faults.SubmissionStorm;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * PostgreSQL stopped and restarted under a running instance: readiness goes DOWN and back UP without a
 * restart of the app, calls that need the database answer 503 problems with Retry-After (never a 500, every
 * operation of the contract as documented),
 * and every submission acknowledged around the outage is stored exactly once.
 */
@QuarkusTest
class PostgresOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI root;

    @Test
    void readinessAndDatabaseCallsFollowTheDatabaseDownAndUp() throws Exception {
        EmbeddedServers servers = EmbeddedServersResource.servers();
        CompletableFuture<HttpResponse<String>> interrupted = HTTP.sendAsync(
                HttpRequest.newBuilder(root.resolve("/test-fixtures/faults/slow")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1_000);
        servers.stopPostgres();
        try {
            HttpResponse<String> cut = interrupted.get(30, TimeUnit.SECONDS);
            assertEquals(503, cut.statusCode(), "a query cut off by the shutdown: " + cut.body());
            assertTrue(cut.headers().firstValue("Retry-After").isPresent(), "Retry-After on " + cut.body());
            Await.until(Duration.ofSeconds(20), "readiness DOWN", () -> readyStatus() == 503);
            Management.given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().when().get("/test-fixtures/faults/boots").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("SERVICE_UNAVAILABLE"));
            given().when().get("/api/v1/system/info").then().statusCode(200);
        } finally {
            servers.restartPostgres();
        }
        Await.until(RECOVERY, "readiness UP again", () -> readyStatus() == 200);
        Await.until(RECOVERY, "database reads answer again",
                () -> given().when().get("/test-fixtures/faults/boots").statusCode() == 200);
    }

    /**
     * A pass of every operation of the contract while PostgreSQL is down: each answers as documented (the contract
     * filter holds it), those that need the database with a 503 problem and Retry-After, the others as usual;
     * never a 500. A new operation is in the pass by being in the contract.
     */
    @Test
    void everyOperationAnswersAsDocumentedWhileTheDatabaseIsDown() throws Exception {
        ApiContract contract = ApiContract.main();
        PlausibleCalls calls = new PlausibleCalls(contract);
        List<String> failures = new java.util.ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        EmbeddedServers servers = EmbeddedServersResource.servers();
        servers.stopPostgres();
        try {
            Await.until(Duration.ofSeconds(20), "readiness DOWN", () -> readyStatus() == 503);
            for (SpecOperation operation : contract.operations()) {
                if (isEventStream(operation)) {
                    // REST Assured would wait for the stream's end: only its status is checked, against the contract.
                    Caller caller = PlausibleCalls.callerFor(operation, false);
                    try (SseClient stream = SseClient.open(root.resolve(operation.path()), caller.token())) {
                        statuses.merge(stream.status(), 1, Integer::sum);
                        if (!operation.operation().getResponses().containsKey(String.valueOf(stream.status()))) {
                            failures.add(operation + " answered an undocumented " + stream.status());
                        }
                    }
                    continue;
                }
                try {
                    Response response = calls.call(operation, PlausibleCalls.callerFor(operation, false), null).get();
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() >= 500 && (response.statusCode() != 503 || response.header("Retry-After") == null)) {
                        failures.add(operation + " answered " + response.statusCode() + " without Retry-After: " + response.asString());
                    }
                } catch (AssertionError undocumented) {
                    failures.add(operation + ": " + undocumented.getMessage());
                }
            }
        } finally {
            servers.restartPostgres();
        }
        Await.until(RECOVERY, "readiness UP again", () -> readyStatus() == 200);
        System.out.println("Answers during the outage, by status: " + statuses);
        assertTrue(failures.isEmpty(), failures.size() + " operations answered the outage wrongly:\n  - " + String.join("\n  - ", failures));
    }

    private static boolean isEventStream(SpecOperation operation) {
        var ok = operation.operation().getResponses().get("200");
        return ok != null && ok.getContent() != null && ok.getContent().containsKey("text/event-stream");
    }

    @Test
    void everyAcknowledgedSubmissionIsStoredOnceThroughARestart() throws Exception {
        EmbeddedServers servers = EmbeddedServersResource.servers();
        execute(servers, FaultFixtureResource.SUBMISSIONS_TABLE);
        SubmissionStorm storm;
        List<String> serverSide;
        try (LogCapture log = LogCapture.start(); SubmissionStorm running = SubmissionStorm.start(this::submit, 4)) {
            storm = running;
            running.awaitAcknowledged(20, RECOVERY);
            servers.stopPostgres();
            try {
                Await.until(Duration.ofSeconds(20), "callers told to retry", () -> running.unavailable() > 0);
            } finally {
                servers.restartPostgres();
            }
            Await.until(RECOVERY, "readiness UP again", () -> readyStatus() == 200);
            running.awaitAcknowledged(20, RECOVERY);
            // The server's side of any 500 (the answer itself only carries a request id).
            serverSide = log.lines(r -> LogCapture.describe(r).contains("Unexpected failure"));
        }
        assertTrue(storm.unexpected().isEmpty(), "answers other than 2xx or a 503 problem with Retry-After:\n"
                + String.join("\n", storm.unexpected()) + "\nlogged:\n" + String.join("\n", serverSide));
        assertEquals(List.of(), SubmissionStorm.lostOrDuplicated(storm.acknowledged(), stored(servers)));
    }

    private HttpResponse<String> submit(String key) throws java.io.IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(root.resolve("/test-fixtures/faults/submissions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"form\":\"" + key + "\"}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int readyStatus() {
        return Management.given().when().get("/q/health/ready").statusCode();
    }

    private static Map<String, Integer> stored(EmbeddedServers servers) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = connect(servers); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT idempotency_key, count(*) FROM fault_submission GROUP BY idempotency_key")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static void execute(EmbeddedServers servers, String sql) throws SQLException {
        try (Connection c = connect(servers); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(EmbeddedServers servers) throws SQLException {
        return servers.connect("banhao");
    }
}
