package app.banhao.application;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.Logins;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * 一件事 locks a parent and its children in both orders: withdrawing a parent locks the parent, then its
 * children; a reviewer's decision on a child locks the child, then the parent it moves. Here a transaction
 * on a plain connection plays the withdrawal's part against a real reviewer request, and PostgreSQL breaks
 * the deadlock by failing the reviewer's transaction. The reviewer still gets an answer for its decision.
 */
@QuarkusTest
class BundleLockOrderTest {

    @Inject
    AgroalDataSource database;

    @Test
    void aReviewerDecisionCaughtInADeadlockWithTheParentIsRunAgainAndSucceeds() throws Exception {
        ApplicationFixtures.Bundle b = ApplicationFixtures.bundle();
        String resident = Logins.newResidentToken();
        JsonPath parent = ApplicationBundleTest.submitted(resident, b);
        String parentNo = parent.getString("applicationNo");
        String childNo = parent.getList("bundle.children.applicationNo", String.class).get(0);
        long version = ApplicationFixtures.version(b.first().reviewer(), childNo);

        CompletableFuture<Response> decision;
        try (Connection withdrawal = database.getConnection()) {
            withdrawal.setAutoCommit(false);
            try (Statement s = withdrawal.createStatement()) {
                // The reviewer's backend, waiting with the default 1 s, is the one that finds the deadlock.
                s.execute("SET LOCAL deadlock_timeout = '20s'");
            }
            lock(withdrawal, parentNo);
            decision = CompletableFuture.supplyAsync(() -> given().auth().oauth2(b.first().reviewer())
                    .header("If-Match", "\"" + version + "\"").contentType("application/json").body("{}")
                    .post("/api/v1/staff/applications/" + childNo + "/accept"));
            awaitAWaiterOnALock(withdrawal);
            lock(withdrawal, childNo); // waits for the reviewer, who waits for the parent: a deadlock
            withdrawal.commit();
        }

        Response answer = decision.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("ACCEPTED", answer.jsonPath().getString("application.state"));
        assertEquals("ACCEPTED", given().auth().oauth2(resident).get("/api/v1/applications/" + parentNo)
                .then().statusCode(200).extract().path("state"), "the parent followed its accepted child");
        List<String> types = given().auth().oauth2(resident).get("/api/v1/applications/" + childNo + "/timeline")
                .then().statusCode(200).extract().path("items.type");
        assertEquals(1, types.stream().filter("ACCEPTED"::equals).count(), "the retried decision is recorded once: " + types);
    }

    private static void lock(Connection c, String applicationNo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM application WHERE application_no = ? FOR UPDATE")) {
            s.setString(1, applicationNo);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), applicationNo);
            }
        }
    }

    /** Until some other backend waits on a row lock (the reviewer's, on the parent this connection holds). */
    private static void awaitAWaiterOnALock(Connection c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the reviewer's request never waited for the parent's lock");
    }
}
