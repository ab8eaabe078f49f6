package app.banhao.testing.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link ContractFilter} in front of every REST Assured call of every {@code @QuarkusTest}
 * (registered through {@code META-INF/services}), so no API test can make an exchange the contract
 * does not describe. Before each test rather than once: a test may reset REST Assured's defaults.
 */
public class ContractFilterInstaller implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ContractFilter.class::isInstance)) {
            RestAssured.filters(ContractFilter.forMainContract());
        }
    }
}
