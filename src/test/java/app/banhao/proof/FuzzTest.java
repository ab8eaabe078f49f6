package app.banhao.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.fuzz.FuzzRun;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * DESIGN.md §6, "never a stack trace, never a 500 for bad input", shown with thousands of generated
 * requests per run against every operation of the contract and the test fixtures. The seed is printed;
 * a failure prints the command that replays it.
 */
@QuarkusTest
class FuzzTest {

    /** Seconds for the API's operations and for the fixtures: CI-friendly whatever the API's size. */
    private static final Duration CONTRACT_BUDGET = Duration.ofSeconds(Long.getLong("banhao.fuzz.seconds", 30));
    private static final Duration FIXTURE_BUDGET = Duration.ofSeconds(Long.getLong("banhao.fuzz.fixture-seconds", 15));

    @TestHTTPResource("/")
    URI root;

    @Test
    void contractOperationsAnswerBadInputWithDocumentedProblems() throws Exception {
        List<String> failures = new FuzzRun(root, ApiContract.main(), true).run(CONTRACT_BUDGET);
        assertTrue(failures.isEmpty(), failures.size() + " fuzz failures:\n" + String.join("\n", failures));
    }

    @Test
    void fixtureOperationsAnswerBadInputWithProblems() throws Exception {
        List<String> failures = new FuzzRun(root, ApiContract.load("proof/fuzz-fixtures.yaml"), false).run(FIXTURE_BUDGET);
        assertTrue(failures.isEmpty(), failures.size() + " fuzz failures:\n" + String.join("\n", failures));
    }
}
