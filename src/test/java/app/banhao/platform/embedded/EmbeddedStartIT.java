package app.banhao.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.platform.security.LocalKeys;
import app.banhao.testing.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged app on a machine with nothing installed: it starts its own PostgreSQL and Redis, keeps
 * data across a clean stop and a kill -9, and starts none of them when external servers are given.
 */
class EmbeddedStartIT {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Pattern INSTANCE = Pattern.compile("\"instanceId\":\"([0-9a-f-]{36})\"");

    @TempDir
    Path work;

    @Test
    void dataSurvivesStopAndKill() throws Exception {
        Path data = work.resolve("data");
        int pgPort = FreePorts.find();
        Map<String, String> props = Map.of("banhao.data-dir", data.toString(),
                "banhao.embedded.postgres-port", String.valueOf(pgPort));
        Path log = work.resolve("app.log");
        List<String> instances = new ArrayList<>();

        try (PackagedApp first = PackagedApp.start(props, Map.of(), log).awaitReady(READY)) {
            String info = first.get("/api/v1/system/info").body();
            assertTrue(info.contains("\"postgres\":true") && info.contains("\"redis\":true"), info);
            instances.add(instanceId(info));
            first.stop();
        }
        try (PackagedApp second = PackagedApp.start(props, Map.of(), log).awaitReady(READY)) {
            instances.add(instanceId(second.get("/api/v1/system/info").body()));
            assertEquals(instances, bootsRecorded(pgPort).subList(0, 2), "both starts are on record after a restart");
            assertEquals("on", setting(pgPort, "fsync"));
            assertEquals("on", setting(pgPort, "synchronous_commit"));
            second.kill();
        }
        try (PackagedApp third = PackagedApp.start(props, Map.of(), log).awaitReady(READY)) {
            instances.add(instanceId(third.get("/api/v1/system/info").body()));
            assertEquals(instances, bootsRecorded(pgPort), "a kill -9 neither loses data nor blocks the next start");
        }
    }

    @Test
    void externalServersAreUsedAndNoEmbeddedOnesStarted() throws Exception {
        Path data = work.resolve("unused-data");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(work.resolve("external-pg"))
                .setCleanDataDirectory(false).start();
                EmbeddedServers externalRedis = EmbeddedServers.start(
                        new EmbeddedSettings(false, true, work.resolve("external-redis"), false, 0, 0))) {
            int pgPort = external.getPort();
            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + pgPort + "/postgres",
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "",
                    "QUARKUS_REDIS_HOSTS", "redis://localhost:" + externalRedis.redisPort().orElseThrow(),
                    "BANHAO_DATA_DIR", data.toString());
            // Production on external servers: keys must be configured, and the log SMS gateway is refused...
            Map<String, String> keys = LocalKeys.ensure(work.resolve("keys"));
            PackagedApp refused = PackagedApp.start(keys, env, work.resolve("refused.log"));
            assertEquals(1, refused.waitForExit(Duration.ofSeconds(60)), "prod on external servers refuses the log SMS gateway");
            assertTrue(refused.tail().contains("log SMS gateway"), refused.tail());
            // ...unless a staging cluster says it wants it.
            Map<String, String> props = new java.util.HashMap<>(keys);
            props.put("banhao.sms.log-gateway-allowed", "true");
            try (PackagedApp app = PackagedApp.start(props, env, work.resolve("external.log")).awaitReady(READY)) {
                String info = app.get("/api/v1/system/info").body();
                assertTrue(info.contains("\"postgres\":false") && info.contains("\"redis\":false"), info);
                assertFalse(Files.exists(data.resolve("postgres")), "no embedded PostgreSQL data directory");
                assertFalse(Files.exists(data.resolve("redis")), "no embedded Redis data directory");
                assertEquals(1, bootsRecorded(pgPort, "postgres").size(), "the app migrated and wrote to the external database");
            }
        }
    }

    private static String instanceId(String info) {
        Matcher m = INSTANCE.matcher(info);
        assertTrue(m.find(), info);
        return m.group(1);
    }

    private static List<String> bootsRecorded(int port) throws Exception {
        return bootsRecorded(port, "banhao");
    }

    private static List<String> bootsRecorded(int port, String database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT instance_id FROM system_boot ORDER BY started_at")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static String setting(int port, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/banhao", "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
