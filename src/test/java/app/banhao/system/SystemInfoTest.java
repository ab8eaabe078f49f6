package app.banhao.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SystemInfoTest {

    @Test
    void describesTheRunningInstance() {
        given().when().get("/api/v1/system/info")
                .then().statusCode(200)
                .contentType("application/json")
                .body("name", equalTo("banhao-api"))
                .body("version", equalTo("0.1.0-SNAPSHOT"))
                .body("buildTime", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"))
                .body("startedAt", notNullValue())
                .body("instanceId", matchesPattern("[0-9a-f-]{36}"))
                .body("embedded.postgres", equalTo(true))
                .body("embedded.redis", equalTo(true));
    }

    @Test
    void echoesAWellFormedRequestId() {
        given().header("X-Request-Id", "abc-123")
                .when().get("/api/v1/system/info")
                .then().statusCode(200)
                .header("X-Request-Id", equalTo("abc-123"));
    }

    @Test
    void replacesAMalformedRequestId() {
        given().header("X-Request-Id", "bad id with spaces\u0001")
                .when().get("/api/v1/system/info")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{24}"));
    }

    @Test
    void generatesARequestIdWhenAbsent() {
        given().when().get("/api/v1/system/info")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f]{24}"));
    }
}
