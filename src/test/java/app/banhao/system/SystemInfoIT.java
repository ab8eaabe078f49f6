package app.banhao.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged jar, given the test run's servers as external ones: it answers, reports that it started
 * no embedded servers, and maps errors the same way as in-process.
 */
@QuarkusIntegrationTest
class SystemInfoIT {

    @Test
    void packagedAppUsesTheGivenServers() {
        given().when().get("/api/v1/system/info")
                .then().statusCode(200)
                .body("name", equalTo("banhao-api"))
                .body("embedded.postgres", equalTo(false))
                .body("embedded.redis", equalTo(false));
        // Readiness is on the management interface, a port the packaged test does not map (HealthTest covers it).
        given().when().get("/api/v1/system/ping").then().statusCode(200);
    }

    @Test
    void packagedAppAnswersProblems() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }
}
