package app.banhao.application.core;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.progress.CompletionStats;
import app.banhao.application.progress.LateWarnings;
import app.banhao.application.review.DeadlineJob;
import app.banhao.testing.Logins;
import app.banhao.testing.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/**
 * Creating and submitting applications reuses Hibernate's query plans. A native select (Hibernate 7.2) adds a
 * plan on every call, all under one hash, and the lookups through them became one of the top costs of
 * creating a draft; a statement written that way on these paths makes the cache grow with the requests.
 */
@QuarkusTest
class ApplicationQueryPlansTest {

    private static final int ROUNDS = 15;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    DeadlineJob deadlineJob;

    @Inject
    CompletionStats completionStats;

    @Inject
    LateWarnings lateWarnings;

    @Test
    void createAndSubmitDoNotAddAQueryPlanPerRequest() {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(true);
        String resident = Logins.newResidentToken();
        roundTrip(resident, dept.item(), 0); // first use: every plan these paths need is made here
        int before = cachedPlans();
        for (int i = 1; i <= ROUNDS; i++) {
            roundTrip(resident, dept.item(), i);
        }
        int added = cachedPlans() - before;
        assertTrue(added < ROUNDS, ROUNDS + " drafts created and submitted (with Idempotency-Keys, and one replay each) added "
                + added + " query plans: some statement on these paths is not reusing its plan");
    }

    /**
     * The deadline job runs every minute for the whole uptime: after its first run (which makes its plans),
     * further runs add none.
     */
    @Test
    void theDeadlineJobDoesNotAddAQueryPlanPerRun() throws Throwable {
        runDeadlineJob();
        int before = cachedPlans();
        for (int i = 0; i < ROUNDS; i++) {
            runDeadlineJob();
        }
        int added = cachedPlans() - before;
        assertTrue(added < ROUNDS, ROUNDS + " runs of the deadline job added " + added
                + " query plans: one of its selects is not reusing its plan (a native query?)");
    }

    /** The same for the late-warning job and the statistics refresh (which takes a table lock by a native statement). */
    @Test
    void theLateWarningAndStatisticsJobsDoNotAddAQueryPlanPerRun() throws Throwable {
        runPredictionJobs();
        int before = cachedPlans();
        for (int i = 0; i < ROUNDS; i++) {
            runPredictionJobs();
        }
        int added = cachedPlans() - before;
        assertTrue(added < ROUNDS, ROUNDS + " runs of the late-warning and statistics jobs added " + added
                + " query plans: one of their statements is not reusing its plan (a native query?)");
    }

    private void runPredictionJobs() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> completionStats.refresh(true));
        VertxContextSupport.subscribeAndAwait(() -> lateWarnings.warnAll());
    }

    private void runDeadlineJob() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deadlineJob.closeExpiredSupplements());
        VertxContextSupport.subscribeAndAwait(() -> deadlineJob.flagOverdueMaterials());
    }

    /** A draft and its submission, each with an Idempotency-Key and each sent twice (the second is a replay). */
    private static void roundTrip(String resident, String item, int round) {
        String key = "plans-" + UUID.randomUUID();
        String no = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            no = given().auth().oauth2(resident).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body("{\"itemCode\":\"" + item + "\",\"formData\":" + ApplicationFixtures.FORM + "}")
                    .post("/api/v1/applications").then().statusCode(201).extract().path("applicationNo");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(resident).contentType(ContentType.JSON).header("Idempotency-Key", key + "-submit")
                    .body("{\"commitment\":{\"accepted\":true}}")
                    .post("/api/v1/applications/" + no + "/submit").then().statusCode(200);
        }
    }

    private int cachedPlans() {
        return QueryPlans.cached(sessions);
    }
}
