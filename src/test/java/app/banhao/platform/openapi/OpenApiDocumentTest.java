package app.banhao.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import app.banhao.testing.contract.ApiContract;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /q/openapi} serves the contract in {@code api-spec/}, not a copy scanned from code. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void servesTheSpecItselfAsYamlByDefault() throws Exception {
        String served = given().when().get("/q/openapi")
                .then().statusCode(200).contentType(startsWith("application/yaml")).extract().asString();
        assertEquals(Files.readString(Path.of("api-spec/openapi.yaml")), served, "the contract, as written");
    }

    @Test
    void servesTheSameContractAsJsonWhenAskedFor() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("api-spec/openapi.yaml").toFile());
        for (var request : List.of(given().queryParam("format", "json"), given().accept("application/json"))) {
            String served = request.when().get("/q/openapi")
                    .then().statusCode(200).contentType(startsWith("application/json")).extract().asString();
            assertEquals(spec, new ObjectMapper().readTree(served), "the contract, in JSON");
        }
        given().queryParam("format", "yaml").accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).contentType(startsWith("application/yaml"));
    }

    @Test
    void swaggerUiShowsTheServedContract() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"))
                .body(containsString("/q/openapi"));
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
}
