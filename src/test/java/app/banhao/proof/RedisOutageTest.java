package app.banhao.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.testing.EmbeddedServersResource;
import app.banhao.testing.Management;
import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.contract.SpecOperation;
import app.banhao.testing.faults.Await;
import app.banhao.testing.faults.Traffic;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * DESIGN.md §8: Redis is never the only copy of anything, so while it is down the public reads (every
 * public GET of the contract that needs no parameter: system info today, home and catalogue as they
 * arrive) keep answering 200 and the instance stays ready; when Redis returns, everything recovers
 * without a restart.
 */
@QuarkusTest
class RedisOutageTest {

    @TestHTTPResource("/")
    URI root;

    /** The reads that must survive: picked from the contract, so new public pages are covered unasked. */
    static List<String> publicReads(ApiContract contract) {
        return contract.operations().stream()
                .filter(o -> o.method().equals("GET") && o.isPublic())
                .filter(o -> o.parameters().stream().noneMatch(p -> Boolean.TRUE.equals(p.getRequired())))
                .map(SpecOperation::path)
                .toList();
    }

    @Test
    void publicReadsAndReadinessSurviveAnOutageAndRecoverWithoutRestart() throws Exception {
        List<String> reads = publicReads(ApiContract.main());
        assertFalse(reads.isEmpty(), "the contract has public reads");
        EmbeddedServers servers = EmbeddedServersResource.servers();
        try (Traffic traffic = Traffic.start(root, reads, 2)) {
            traffic.awaitMore(20);
            servers.stopRedis();
            try {
                Await.until(Duration.ofSeconds(15), "readiness reports Redis DOWN", () -> redisIs("DOWN"));
                traffic.awaitMore(100);
                Management.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            } finally {
                servers.restartRedis();
            }
            Await.until(Duration.ofSeconds(30), "readiness reports Redis UP again", () -> redisIs("UP"));
            traffic.awaitMore(20);
            assertTrue(traffic.failures().isEmpty(), "public reads failed around the outage:\n" + String.join("\n", traffic.failures()));
        }
    }

    private static boolean redisIs(String state) {
        return state.equals(Management.given().when().get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'redis' }.data.redis"));
    }
}
