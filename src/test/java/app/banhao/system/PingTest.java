package app.banhao.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import app.banhao.testing.EmbeddedServersResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PingTest {

    @Test
    void answersOkWithoutLoginAndWithoutRedis() {
        given().when().get("/api/v1/system/ping").then().statusCode(200).body("status", equalTo("ok"));
        EmbeddedServersResource.servers().stopRedis();
        try {
            given().when().get("/api/v1/system/ping").then().statusCode(200).body("status", equalTo("ok"));
        } finally {
            EmbeddedServersResource.servers().restartRedis();
        }
    }
}
