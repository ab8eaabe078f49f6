package app.banhao.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.banhao.testing.access.AccessMatrix;
import app.banhao.testing.contract.ApiContract;
import io.quarkus.test.junit.QuarkusTest;

/** DESIGN.md §7: no one reaches another resident's or another department's object, on any operation. */
@QuarkusTest
class AuthorizationMatrixTest {

    @Test
    void everyOperationWithAnIdentifierHasACase() {
        List<String> gaps = AccessMatrix.gaps(ApiContract.main(), AccessMatrixCases.REGISTRY);
        assertTrue(gaps.isEmpty(), "The authorization matrix (app.banhao.proof.AccessMatrixCases) is incomplete:\n  - "
                + String.join("\n  - ", gaps));
    }

    @Test
    void noCallerReachesAnotherOwnersObject() {
        List<String> failures = AccessMatrix.run(ApiContract.main(), AccessMatrixCases.REGISTRY);
        assertTrue(failures.isEmpty(), "Authorization matrix failures:\n  - " + String.join("\n  - ", failures));
    }
}
