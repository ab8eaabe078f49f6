package app.banhao.application.core;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.Logins;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Per-resident quotas (issue 10 point 13): a parallel burst never gets past them. */
@QuarkusTest
class ResidentQuotasTest {

    private static final int MAX_DRAFTS = 20;
    private static final long MAX_BYTES = 200L * 1024 * 1024;

    @Inject
    AgroalDataSource database;

    @Test
    void aBurstOfCreatesStopsAtTheDraftLimitAndAWithdrawalMakesRoom() throws Exception {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        for (int i = 0; i < MAX_DRAFTS - 5; i++) {
            ApplicationFixtures.draft(resident, dept.item());
        }
        List<Integer> statuses = burst(20, () -> given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + dept.item() + "\",\"formData\":" + ApplicationFixtures.FORM + "}")
                .post("/api/v1/applications"));
        assertEquals(5, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(15, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        List<String> drafts = given().auth().oauth2(resident).queryParam("state", "DRAFT").queryParam("limit", 100)
                .get("/api/v1/applications").then().statusCode(200).extract().path("items.applicationNo");
        assertEquals(MAX_DRAFTS, drafts.size());

        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + dept.item() + "\",\"formData\":" + ApplicationFixtures.FORM + "}")
                .post("/api/v1/applications").then().statusCode(422).body("code", equalTo("DRAFT_LIMIT_REACHED"));
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"reason\":\"不办了\"}")
                .post("/api/v1/applications/" + drafts.get(0) + "/withdraw").then().statusCode(200);
        ApplicationFixtures.draft(resident, dept.item());
    }

    @Test
    void aBurstOfUploadsStopsAtTheStorageQuotaAndReplacingAFileDoesNotCountTwice() throws Exception {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            drafts.add(ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo"));
        }
        String filler = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        int size = ApplicationFixtures.PDF.length;
        fill(filler, MAX_BYTES - 3L * size);

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String no : drafts) {
                calls.add(() -> given().auth().oauth2(resident).multiPart(ApplicationFixtures.namePart("申请书"))
                        .multiPart("file", "form.pdf", ApplicationFixtures.PDF, "application/pdf")
                        .post("/api/v1/applications/" + no + "/materials").statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        assertEquals(MAX_BYTES, storedBytes(resident));

        String full = drafts.get(statuses.indexOf(201));
        given().auth().oauth2(resident).multiPart(ApplicationFixtures.namePart("申请书"))
                .multiPart("file", "again.pdf", ApplicationFixtures.PDF, "application/pdf")
                .post("/api/v1/applications/" + full + "/materials").then().statusCode(201);
        given().auth().oauth2(resident).multiPart(ApplicationFixtures.namePart("场所证明"))
                .multiPart("file", "more.pdf", ApplicationFixtures.PDF, "application/pdf")
                .post("/api/v1/applications/" + full + "/materials").then().statusCode(422)
                .body("code", equalTo("STORAGE_QUOTA_EXCEEDED")).body("errors[0].field", equalTo("file"));
    }

    private static List<Integer> burst(int n, Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> call.call().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A stored upload of {@code bytes} on {@code applicationNo}, written directly: the quota counts recorded sizes. */
    private void fill(String applicationNo, long bytes) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO application_material (id, application_id, name, kind, content_type, size_bytes, sha256, supplied_at) "
                        + "SELECT gen_random_uuid(), id, '申请书', 'UPLOAD', 'application/pdf', ?, '\\x00'::bytea, now() "
                        + "FROM application WHERE application_no = ?")) {
            insert.setLong(1, bytes);
            insert.setString(2, applicationNo);
            assertEquals(1, insert.executeUpdate());
        }
    }

    private long storedBytes(String resident) throws Exception {
        String id = given().auth().oauth2(resident).get("/api/v1/me").then().extract().path("id");
        try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT sum(m.size_bytes) FROM application_material m JOIN application a ON a.id = m.application_id "
                        + "WHERE a.resident_id = ?::uuid AND m.kind = 'UPLOAD'")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
