package app.banhao.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** One Idempotency-Key creates one application whatever the concurrency; numbers never repeat. */
@QuarkusTest
class ApplicationConcurrencyTest {

    @Inject
    AgroalDataSource database;

    private static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyConcurrentRetriesWithOneKeyCreateOneApplication() throws Exception {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String key = UUID.randomUUID().toString();
        String body = "{\"itemCode\":\"" + dept.item() + "\",\"formData\":" + ApplicationFixtures.FORM + "}";
        List<Response> answers = concurrently(50, () -> given().auth().oauth2(resident).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/applications").andReturn());
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r.asString());
        }
        assertEquals(1, answers.stream().map(r -> r.jsonPath().getString("applicationNo")).distinct().count());
        assertEquals(1, answers.stream().map(r -> r.jsonPath().getString("createdAt")).distinct().count());
        given().auth().oauth2(resident).get("/api/v1/applications").then().statusCode(200).body("items", hasSize(1));

        given().auth().oauth2(resident).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + dept.item() + "\"}").post("/api/v1/applications").then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aRepeatedSubmitWithItsKeyGetsTheFirstAnswer() {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        ApplicationFixtures.upload(resident, no, "申请书", ApplicationFixtures.PDF, "a.pdf");
        ApplicationFixtures.upload(resident, no, "身份证", ApplicationFixtures.PNG, "b.png");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(resident).header("Idempotency-Key", key).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200).extract().asString();
        String again = given().auth().oauth2(resident).header("Idempotency-Key", key).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200).extract().asString();
        assertEquals(first, again);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(409);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then()
                .body("items.findAll { it.type == 'SUBMITTED' }", hasSize(1));
    }

    /**
     * A submission writes its key's record once, with its answer, under the draft's lock (Idempotency.Check): a record
     * of the key past its retention is taken over, and the key then holds: the same body replays, another is refused.
     */
    @Test
    void aSubmissionTakesOverItsKeyPastRetentionAndThenHoldsIt() throws Exception {
        var dept = ApplicationFixtures.department(true);
        String resident = Logins.newResidentToken();
        String residentId = given().auth().oauth2(resident).get("/api/v1/me").then().statusCode(200).extract().path("id");
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        String key = UUID.randomUUID().toString();
        String scope = "resident:" + residentId + ":submitApplication:" + no;
        try (Connection c = database.getConnection();
                PreparedStatement old = c.prepareStatement("INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at)"
                        + " VALUES (?, ?, '\\x00'::bytea, now() - interval '25 hours')")) {
            old.setString(1, scope);
            old.setString(2, key);
            assertEquals(1, old.executeUpdate());
        }
        String body = "{\"commitment\":{\"accepted\":true}}";
        String first = given().auth().oauth2(resident).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .extract().asString();
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT length(request_hash), response IS NOT NULL,"
                        + " created_at > now() - interval '1 hour' FROM idempotency_record WHERE scope = ? AND idem_key = ?")) {
            q.setString(1, scope);
            q.setString(2, key);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getInt(1) > 1, "the fingerprint is the submission's, not the old record's");
                assertTrue(rs.getBoolean(2), "the answer is kept");
                assertTrue(rs.getBoolean(3), "the record's age starts again");
            }
        }
        assertEquals(first, given().auth().oauth2(resident).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/applications/" + no + "/submit").then().statusCode(200).extract().asString());
        given().auth().oauth2(resident).header("Idempotency-Key", key).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    /**
     * Twenty retries of one submission at once (its key and body the same) submit it once: every caller gets the first
     * answer, and one SUBMITTED is on its timeline and in the resident's inbox. Twenty submissions of the same draft
     * under different keys: one is made, the others find it submitted (409).
     */
    @Test
    void concurrentSubmissionsOfOneDraftSubmitItOnce() throws Exception {
        var dept = ApplicationFixtures.department(true);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        String key = UUID.randomUUID().toString();
        String body = "{\"commitment\":{\"accepted\":true}}";
        List<Response> retries = concurrently(20, () -> given().auth().oauth2(resident).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/applications/" + no + "/submit").andReturn());
        for (Response r : retries) {
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals("SUBMITTED", r.jsonPath().getString("state"));
        }
        assertEquals(1, retries.stream().map(Response::asString).distinct().count(), "every retry gets the first answer");
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then()
                .body("items.findAll { it.type == 'SUBMITTED' }", hasSize(1));
        given().auth().oauth2(resident).get("/api/v1/me/messages?limit=100").then().statusCode(200)
                .body("items.findAll { it.applicationNo == '" + no + "' }", hasSize(1));

        String other = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        List<Integer> statuses = concurrently(20, () -> given().auth().oauth2(resident)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications/" + other + "/submit").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses: " + statuses);
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
        given().auth().oauth2(resident).get("/api/v1/applications/" + other + "/timeline").then()
                .body("items.findAll { it.type == 'SUBMITTED' }", hasSize(1));
    }

    @Test
    void concurrentCreatesGetDistinctNumbers() throws Exception {
        var dept = ApplicationFixtures.department(false);
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            residents.add(Logins.newResidentToken());
        }
        String body = "{\"itemCode\":\"" + dept.item() + "\"}";
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<String> numbers = concurrently(40, () -> given().auth().oauth2(residents.get(n.getAndIncrement() % 4))
                .contentType(ContentType.JSON).body(body).post("/api/v1/applications").then().statusCode(201)
                .extract().path("applicationNo"));
        assertEquals(40, new HashSet<>(numbers).size(), numbers.toString());
        assertTrue(numbers.stream().allMatch(no -> no.matches("430000[0-9]{16}")), numbers.toString());
    }
}
