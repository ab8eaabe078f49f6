package app.banhao.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.application.SseClient;
import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.platform.embedded.FreePorts;
import app.banhao.testing.PackagedApp;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import redis.embedded.RedisServer;

/**
 * The packaged app on a Redis Cluster (README "Redis Cluster": {@code quarkus.redis.client-type=cluster}), here one
 * node holding all 16384 slots: it still refuses, with CROSSSLOT, a command or script whose keys lie in different
 * slots. Each multi-key operation of the app runs once and must do its work: the catalogue cache's read script,
 * the hot ranking's ZUNION of 7 days, the unknown-staff-login script, the live-progress admit script and the
 * pattern subscription that carries events to streams (RedisClusterKeyLayoutTest checks their key sets).
 */
class RedisClusterIT {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void theAppsRedisOperationsWorkOnACluster() throws Exception {
        int port = FreePorts.find();
        Path dir = work.resolve("redis-cluster").toAbsolutePath();
        java.nio.file.Files.createDirectories(dir);
        RedisServer cluster = RedisServer.builder().port(port).setting("cluster-enabled yes")
                .setting("cluster-config-file " + dir.resolve("nodes.conf")).setting("dir " + dir)
                .setting("save \"\"").setting("appendonly no").setting("daemonize no").build();
        cluster.start();
        Vertx vertx = Vertx.vertx();
        try (EmbeddedServers postgres = EmbeddedServers.start(new EmbeddedSettings(true, false, work.resolve("servers"), false, 0, 0))) {
            Redis admin = Redis.createClient(vertx, "redis://localhost:" + port);
            assertEquals("OK", call(admin, "CLUSTER", "ADDSLOTSRANGE", "0", "16383").toString());
            awaitClusterOk(admin);

            Map<String, String> props = new HashMap<>(PackagedApp.clusterNode(postgres, work.resolve("keys")));
            props.put("quarkus.redis.client-type", "cluster");
            props.put("quarkus.redis.hosts", "redis://localhost:" + port);
            try (PackagedApp app = PackagedApp.start(props, Map.of(), work.resolve("app.log")).awaitReady(Duration.ofSeconds(120))) {
                // Catalogue cache: the read script takes the version key and reads the entry it builds.
                for (int i = 0; i < 2; i++) {
                    assertEquals(200, app.get("/api/v1/catalog/items?q=yyzz").statusCode(), app.tail());
                }
                assertTrue(call(admin, "KEYS", "banhao:{catalog}:cache:*:items:*").size() > 0, "catalogue read cached:\n" + app.tail());

                // Hot ranking: the union of the last 7 days' sorted sets.
                LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
                call(admin, "ZINCRBY", "banhao:{catalog-hot}:day:" + today, "3", "HN-WJW-GGCSWSXK");
                call(admin, "ZINCRBY", "banhao:{catalog-hot}:day:" + today.minusDays(2), "2", "HN-WJW-GGCSWSXK");
                JsonPath hot = JsonPath.from(app.get("/api/v1/catalog/hot?limit=3").body());
                assertEquals("RANKING", hot.getString("source"), app.tail());
                assertEquals(5, hot.getInt("items[0].applications"));

                // Unknown staff usernames: the failure count and the lock, two keys in one script.
                String staff = "{\"username\":\"nobody-" + System.nanoTime() + "\",\"password\":\"x\",\"totp\":\"123456\"}";
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> failed = app.post("/api/v1/staff/auth/login", staff);
                    assertEquals(401, failed.statusCode(), failed.body() + "\n" + app.tail());
                }
                HttpResponse<String> locked = app.post("/api/v1/staff/auth/login", staff);
                assertEquals(429, locked.statusCode(), locked.body());
                assertEquals("ACCOUNT_LOCKED", JsonPath.from(locked.body()).getString("code"));

                // SMS code and login (single-key scripts, the rate limits), then a live-progress stream: the admit
                // script counts it and an event published on the resident's channel reaches it.
                String phone = "13700006543";
                String code = JsonPath.from(app.post("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}").body()).getString("devCode");
                String token = JsonPath.from(app.post("/api/v1/auth/login",
                        "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}").body()).getString("accessToken");
                assertNotNull(token, app.tail());
                String resident = JsonPath.from(app.get("/api/v1/me", token).body()).getString("id");
                try (SseClient stream = SseClient.open(URI.create("http://localhost:" + app.port() + "/api/v1/me/events"), token)) {
                    assertEquals(List.of(":connected"), stream.next(Duration.ofSeconds(10)), app.tail());
                    assertEquals(1, call(admin, "EXISTS", "banhao:live:{" + resident + "}:opened").toInteger(), "stream counted");
                    call(admin, "PUBLISH", "banhao:{events}:resident:" + resident, """
                            {"applicationNo":"4300002026120300000001","itemName":"测试","fromState":"SUBMITTED",\
                            "toState":"ACCEPTED","at":"2026-12-03T06:00:00Z","version":2}""");
                    List<String> event = stream.nextEvent(Duration.ofSeconds(5));
                    assertNotNull(event, "no event through the cluster's pub/sub:\n" + app.tail());
                    assertEquals("ACCEPTED", JsonPath.from(SseClient.field(event, "data")).getString("toState"));
                }
                assertTrue(!app.tail().contains("CROSSSLOT"), app.tail());
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            cluster.stop();
        }
    }

    private static Response call(Redis redis, String command, String... args) throws Exception {
        Request request = Request.cmd(Command.create(command));
        for (String arg : args) {
            request.arg(arg);
        }
        return redis.send(request).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void awaitClusterOk(Redis admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!call(admin, "CLUSTER", "INFO").toString().contains("cluster_state:ok")) {
            assertTrue(System.nanoTime() < deadline, "the one-node cluster never reached cluster_state:ok");
            Thread.sleep(100);
        }
    }
}
