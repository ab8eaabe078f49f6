package app.banhao.proof;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.contract.SpecCoverage;
import app.banhao.testing.contract.SpecOperation;

/**
 * Every operation of the contract was called successfully by at least one API test of this build. Runs
 * in failsafe, after surefire has run all {@code @QuarkusTest}s and {@code ContractFilter} has recorded
 * what they called, so the verdict does not depend on the order of the tests.
 */
class SpecCoverageIT {

    @Test
    void everyOperationOfTheContractIsCalledByATest() throws Exception {
        String dir = System.getProperty(SpecCoverage.READ_FROM, "target/spec-coverage");
        Set<String> covered = SpecCoverage.read(Path.of(dir));
        assertNotNull(covered, "No coverage recorded in " + dir + ": the @QuarkusTest suite must run first (./mvnw verify)");
        List<String> untested = ApiContract.main().operations().stream()
                .filter(o -> !covered.contains(o.operationId()))
                .map(SpecOperation::toString)
                .toList();
        assertTrue(untested.isEmpty(), "Operations of " + ApiContract.MAIN_LOCATION
                + " that no @QuarkusTest called with a documented 2xx answer: " + untested);
    }
}
