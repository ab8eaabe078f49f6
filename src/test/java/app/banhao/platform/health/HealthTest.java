package app.banhao.platform.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import app.banhao.testing.EmbeddedServersResource;
import app.banhao.testing.Management;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void liveAndReadyWithBothServers() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("redis"))
                .body("checks.find { it.name == 'redis' }.data.redis", equalTo("UP"));
    }

    @Test
    void redisDownIsReportedButReadinessStaysUp() {
        var servers = EmbeddedServersResource.servers();
        servers.stopRedis();
        try {
            Management.given().when().get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'redis' }.data.redis", equalTo("DOWN"));
        } finally {
            servers.restartRedis();
        }
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.data.redis", equalTo("UP"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/api/v1/system/info").then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/system/info\""));
    }
}
