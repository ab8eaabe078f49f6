package app.banhao.testing.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The conformance filter passes what the contract describes and fails every kind of departure from it. */
@QuarkusTest
class ContractFilterTest {

    private static final String WIDGETS = "/test-fixtures/contract/widgets";

    private static RequestSpecification heldToFixtureContract() {
        ApiContract fixture = ApiContract.load("proof/contract-fixture.yaml");
        return given().noFilters().filter(new ContractFilter(fixture, List.of("/q/"), false));
    }

    private static String failure(Runnable exchange) {
        return assertThrows(AssertionFailedError.class, exchange::run).getMessage();
    }

    @Test
    void everyApiTestRunsThroughTheContractFilter() {
        assertTrue(RestAssured.filters().stream().anyMatch(ContractFilter.class::isInstance),
                "ContractFilterInstaller put the filter in front of REST Assured");
    }

    @Test
    void conformingExchangesPass() {
        heldToFixtureContract().get(WIDGETS + "/conforming").then().statusCode(200);
        heldToFixtureContract().get(WIDGETS + "/missing").then().statusCode(404);
        heldToFixtureContract().contentType(ContentType.JSON).body("{\"name\":\"lamp\",\"size\":1}")
                .post(WIDGETS).then().statusCode(201);
    }

    @Test
    void undocumentedFieldFails() {
        assertThat(failure(() -> heldToFixtureContract().get(WIDGETS + "/extra-field")),
                containsString("ownerPhone"));
    }

    @Test
    void fieldOfTheWrongTypeFails() {
        assertThat(failure(() -> heldToFixtureContract().get(WIDGETS + "/wrong-type")),
                containsString("validation.response.body.schema.type"));
    }

    @Test
    void undocumentedStatusFails() {
        assertThat(failure(() -> heldToFixtureContract().get(WIDGETS + "/undocumented-status")),
                containsString("validation.response.status.unknown"));
    }

    @Test
    void undocumentedContentTypeFails() {
        assertThat(failure(() -> heldToFixtureContract().get(WIDGETS + "/undocumented-content-type")),
                containsString("validation.response.contentType.notAllowed"));
    }

    @Test
    void errorThatIsNotAProblemDocumentFails() {
        assertThat(failure(() -> heldToFixtureContract().get(WIDGETS + "/plain-error")),
                containsString("not application/problem+json"));
    }

    @Test
    void problemCodeOutsideTheStableSetFails() {
        assertThat(failure(() -> heldToFixtureContract().get(WIDGETS + "/unknown-code")),
                containsString("problem code NO_SUCH_WIDGET is not declared by any ProblemCode enum"));
    }

    @Test
    void problemCodeOfAnotherStatusFails() {
        assertThat(failure(() -> heldToFixtureContract().get(WIDGETS + "/code-of-another-status")),
                containsString("CONFLICT goes with status 409"));
    }

    @Test
    void stackTraceInABodyFails() {
        assertThat(failure(() -> heldToFixtureContract().get(WIDGETS + "/stack-trace")),
                containsString("shows internals"));
    }

    @Test
    void acceptingARequestTheContractForbidsFails() {
        String message = failure(() -> heldToFixtureContract().contentType(ContentType.JSON)
                .body("{\"name\":\"far too long a name\",\"size\":\"big\"}").post(WIDGETS));
        assertThat(message, containsString("accepted (201) a request the contract forbids"));
        assertThat(message, containsString("maxLength"));
    }

    @Test
    void answeringAnUndocumentedPathFails() {
        assertThat(failure(() -> heldToFixtureContract().get(WIDGETS + "/undocumented/x/deeper")),
                containsString("does not document"));
    }
}
