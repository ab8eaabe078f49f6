package app.banhao.application.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.core.ApplicationRepository;
import app.banhao.application.core.Workflow;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.transaction.Transactions;
import app.banhao.testing.Logins;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * A unit of work PostgreSQL fails over a deadlock or serialization failure runs again, each time in a new
 * transaction that sees only committed data; any other failure does not.
 */
@QuarkusTest
class WorkflowConflictRetryTest {

    @Inject
    Workflow workflow;

    @Inject
    ApplicationRepository applications;

    private static PgException conflict(String sqlState) {
        return new PgException("could not serialize access", "ERROR", sqlState, "test");
    }

    private <T> T run(java.util.function.Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> workflow.commitThenPublish(work));
    }

    @Test
    void aDeadlockedUnitOfWorkRunsAgainAndItsFirstRunLeavesNothing() throws Throwable {
        String resident = Logins.newResidentToken();
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        AtomicInteger runs = new AtomicInteger();

        String seen = run(() -> applications.find("applicationNo", no).firstResult().chain(a -> {
            int run = runs.incrementAndGet();
            String before = a.supplementNote;
            a.supplementNote = "run " + run; // flushed at commit, or thrown away with the failed transaction
            return run == 1
                    ? Panache.getSession().chain(s -> s.flush()).chain(() -> Uni.createFrom().<String>failure(conflict("40P01")))
                    : Uni.createFrom().item(before);
        }));

        assertEquals(2, runs.get());
        assertEquals(null, seen, "the second run saw the first run's flushed change: it was not rolled back");
        String stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> applications.find("applicationNo", no).firstResult().map(a -> a.supplementNote)));
        assertEquals("run 2", stored);
    }

    @Test
    void aSerializationFailureIsRetriedAFewTimesThenSurfaces() {
        AtomicInteger runs = new AtomicInteger();
        Throwable thrown = assertThrows(Throwable.class, () -> run(() -> {
            runs.incrementAndGet();
            return Uni.createFrom().failure(conflict("40001"));
        }));
        assertEquals(1 + Transactions.CONFLICT_RETRIES, runs.get());
        assertTrue(thrown instanceof PgException || thrown.getCause() instanceof PgException, thrown.toString());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(ApiException.class, () -> run(() -> {
            runs.incrementAndGet();
            return Uni.createFrom().failure(ApiException.of(ApplicationErrors.APPLICATION_STATE_CONFLICT, "SUBMITTED"));
        }));
        assertEquals(1, runs.get());
    }
}
