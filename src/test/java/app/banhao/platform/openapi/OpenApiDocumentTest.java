package app.banhao.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.banhao.testing.contract.ApiContract;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /q/openapi} serves the contract in {@code api-spec/}, not a copy scanned from code. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void servesTheSpecOperations() throws Exception {
        String served = given().accept("application/yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        String spec = Files.readString(Path.of("api-spec/openapi.yaml"));
        assertEquals(count(spec, "operationId:"), count(served, "operationId:"),
                "every operation of api-spec/openapi.yaml and nothing else is served");
        given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).body(containsString("\"getSystemInfo\""));
    }

    @Test
    void swaggerUiIsReachable() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    /**
     * Bean validation answers a parameter outside its constraints (length, range, pattern) with 422, so
     * every operation with such a parameter documents it: the fuzzer would find the gap only by chance.
     */
    @Test
    void operationsWithConstrainedParametersDocument422() {
        List<String> undocumented = ApiContract.main().operations().stream()
                .filter(op -> op.parameters().stream().map(p -> p.getSchema()).anyMatch(s -> s != null
                        && (s.getMaxLength() != null || s.getMinLength() != null || s.getMinimum() != null
                                || s.getMaximum() != null || s.getPattern() != null)))
                .filter(op -> !op.operation().getResponses().containsKey("422"))
                .map(Object::toString).toList();
        assertEquals(List.of(), undocumented, "operations whose constrained parameters can be refused with an undocumented 422");
    }

    /**
     * Any operation may meet a PostgreSQL or Redis outage (even a public read whose cache is cold), and the
     * mapper answers it with 503 and {@code Retry-After}: every operation, present and future, documents that.
     */
    @Test
    void everyOperationDocuments503WithRetryAfter() {
        ApiContract contract = ApiContract.main();
        var shared = contract.api().getComponents().getResponses();
        List<String> undocumented = contract.operations().stream()
                .filter(op -> {
                    var unavailable = op.operation().getResponses().get("503");
                    if (unavailable != null && unavailable.get$ref() != null) {
                        unavailable = shared.get(unavailable.get$ref().substring(unavailable.get$ref().lastIndexOf('/') + 1));
                    }
                    return unavailable == null || unavailable.getHeaders() == null
                            || !unavailable.getHeaders().containsKey("Retry-After");
                })
                .map(Object::toString).toList();
        assertEquals(List.of(), undocumented, "operations without a 503 response carrying Retry-After "
                + "(add `'503': $ref: '#/components/responses/ServiceUnavailable'`)");
    }

    private static long count(String text, String token) {
        return text.lines().filter(l -> l.trim().startsWith(token)).count();
    }
}
