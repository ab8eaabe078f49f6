package app.banhao.platform.cache;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import app.banhao.testing.EmbeddedServersResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

@QuarkusTest
class CacheAsideTest {

    @Inject
    CacheAside cache;

    @Inject
    MeterRegistry metrics;

    @Inject
    javax.sql.DataSource jdbc;

    @Inject
    io.quarkus.redis.datasource.RedisDataSource redis;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void hundredConcurrentMissesOnOneKeyLoadOnce() {
        String namespace = "test-" + UUID.randomUUID();
        AtomicInteger loads = new AtomicInteger();
        List<CompletableFuture<CachedJson>> readers = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            readers.add(cache.get(namespace, "slow", Duration.ofMinutes(1), () -> Uni.createFrom().item(() -> {
                loads.incrementAndGet();
                return List.of("loaded");
            }).onItem().delayIt().by(Duration.ofMillis(300))).subscribeAsCompletionStage().toCompletableFuture());
        }
        CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).join();
        assertEquals(1, loads.get(), () -> "one load for 100 concurrent misses; reads: " + metrics.find("banhao.cache.reads")
                .tag("namespace", namespace).counters().stream().map(c -> c.getId().getTag("result") + "=" + c.count()).toList());
        readers.forEach(r -> assertEquals("[\"loaded\"]", r.join().body()));
    }

    @Test
    void hundredConcurrentRequestsForAColdItemLoadItOnceFromTheDatabase() throws Throwable {
        // A bump makes every catalogue entry cold.
        VertxContextSupport.subscribeAndAwait(() -> cache.invalidate("catalog"));
        double before = loads();
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/catalog/items/HN-GAT-SFZHL")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertEquals(200, call.join().statusCode());
        }
        assertEquals(1.0, loads() - before, "one database load for the 100 requests");
    }

    /** What a writer holding a connection asks: a miss is null (it loads nothing), a stored entry is found. */
    @Test
    void cachedFindsWhatALoadStoredAndNothingElse() {
        String namespace = "test-" + UUID.randomUUID();
        Duration ttl = Duration.ofMinutes(1);
        Duration wait = Duration.ofSeconds(10);
        assertNull(cache.cached(namespace, "k", ttl).await().atMost(wait), "never loaded: a miss");
        cache.get(namespace, "k", ttl, () -> Uni.createFrom().item(List.of("loaded"))).await().atMost(wait);
        assertEquals("[\"loaded\"]", cache.cached(namespace, "k", ttl).await().atMost(wait).body());
        cache.invalidate(namespace).await().atMost(wait);
        assertNull(cache.cached(namespace, "k", ttl).await().atMost(wait), "stale once the namespace's version moved");
    }

    @Test
    void withRedisStoppedReadsStillAnswerFromPostgresAndRecover() throws Exception {
        String etag = given().when().get("/api/v1/catalog/items/HN-RST-SYDJ").then().statusCode(200).extract().header("ETag");
        double bypassBefore = reads("bypass");
        EmbeddedServersResource.servers().stopRedis();
        try {
            for (String path : List.of("/api/v1/catalog/items/HN-RST-SYDJ", "/api/v1/home", "/api/v1/catalog/hot",
                    "/api/v1/catalog/items?q=登记", "/api/v1/catalog/bundles/NEWBORN", "/api/v1/catalog/departments")) {
                given().when().get(path).then().statusCode(200);
            }
            assertEquals(etag, given().when().get("/api/v1/catalog/items/HN-RST-SYDJ").then().statusCode(200)
                    .extract().header("ETag"), "same representation from PostgreSQL");
            given().when().get("/api/v1/catalog/hot").then().statusCode(200).body("source", org.hamcrest.Matchers.equalTo("FEATURED"));
            assertTrue(reads("bypass") - bypassBefore >= 6, "the reads went around Redis");
            // Counting for the ranking needs Redis: the admin operation says so, a submission would carry on.
            given().auth().oauth2(app.banhao.testing.TestTokens.staff("admin-1", "HN-ZWFW", "ADMIN"))
                    .when().post("/api/v1/admin/catalog/items/HN-RST-SYDJ/hot-events").then().statusCode(503)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        } finally {
            EmbeddedServersResource.servers().restartRedis();
        }
        // After the retry interval the cache is used again: a hit without a load.
        double hitsBefore = reads("hit");
        long deadline = System.currentTimeMillis() + 15_000;
        while (reads("hit") <= hitsBefore && System.currentTimeMillis() < deadline) {
            given().when().get("/api/v1/catalog/items/HN-RST-SYDJ").then().statusCode(200);
            Thread.sleep(200);
        }
        assertTrue(reads("hit") > hitsBefore, "cached reads resume once Redis is back");
    }

    @Test
    void aPublishOnAnotherNodeShowsUpHereWithinTheNearCacheTtl() throws Exception {
        String path = "/api/v1/catalog/items/HN-MZT-GLJTSL";
        given().when().get(path).then().statusCode(200).body("feeNote", org.hamcrest.Matchers.equalTo("不收费"));
        // Another node's publish: the row changes and the version moves, with no call through this node.
        String note = "不收费（" + UUID.randomUUID().toString().substring(0, 6) + "）";
        try (var c = jdbc.getConnection(); var s = c.prepareStatement(
                "UPDATE catalog_item SET fee_note = ?, version = version + 1 WHERE code = 'HN-MZT-GLJTSL'")) {
            s.setString(1, note);
            s.executeUpdate();
        }
        redis.value(String.class).incr("banhao:{catalog}:cache:version");
        long start = System.nanoTime();
        while (!note.equals(given().when().get(path).then().statusCode(200).extract().path("feeNote"))) {
            assertTrue(System.nanoTime() - start < 3_000_000_000L, "seen within the 1 s near-cache TTL (3 s allowed)");
            Thread.sleep(50);
        }
    }

    private double loads() {
        var counter = metrics.find("banhao.cache.loads").tag("namespace", "catalog").counter();
        return counter == null ? 0 : counter.count();
    }

    private double reads(String result) {
        var counter = metrics.find("banhao.cache.reads").tag("namespace", "catalog").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
