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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.platform.security.LocalKeys;
import app.banhao.testing.FakeAliyunSms;
import app.banhao.testing.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged app as the README starts it: in local mode it starts its own PostgreSQL and Redis, keeps data
 * across a clean stop and a kill -9 and listens on loopback only; outside local mode it makes nothing up (no
 * embedded server, no stand-in, no demo account) and refuses to start while a setting is missing.
 */
class EmbeddedStartIT {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Pattern INSTANCE = Pattern.compile("\"instanceId\":\"([0-9a-f-]{36})\"");

    @TempDir
    Path work;

    @Test
    void dataSurvivesStopAndKill() throws Exception {
        int pgPort = FreePorts.find();
        Map<String, String> props = PackagedApp.localInstance(work, pgPort);
        Path log = work.resolve("app.log");
        List<String> instances = new ArrayList<>();

        try (PackagedApp first = PackagedApp.start(props, Map.of(), log).awaitReady(READY)) {
            String info = first.get("/api/v1/system/info").body();
            assertTrue(info.contains("\"postgres\":true") && info.contains("\"redis\":true"), info);
            assertTrue(first.tail().contains("Listening on: http://127.0.0.1:" + first.port()),
                    "local mode listens on loopback only:\n" + first.tail());
            assertTrue(Files.exists(work.resolve("keys/data.key")), "keys in their own directory");
            assertFalse(Files.exists(work.resolve("data/keys")), "no keys beside the data they encrypt");
            instances.add(instanceId(info));
            first.stop();
        }
        try (PackagedApp second = PackagedApp.start(props, Map.of(), log).awaitReady(READY)) {
            instances.add(instanceId(second.get("/api/v1/system/info").body()));
            assertEquals(instances, bootsRecorded(pgPort).subList(0, 2),
                    "both starts are on record after a restart");
            assertEquals("on", setting(pgPort, "fsync"));
            assertEquals("on", setting(pgPort, "synchronous_commit"));
            second.kill();
        }
        try (PackagedApp third = PackagedApp.start(props, Map.of(), log).awaitReady(READY)) {
            instances.add(instanceId(third.get("/api/v1/system/info").body()));
            assertEquals(instances, bootsRecorded(pgPort),
                    "a kill -9 neither loses data nor blocks the next start");
        }
    }

    @Test
    void outsideLocalModeNothingIsMadeUp() throws Exception {
        Path data = work.resolve("unused-data");
        PackagedApp bare = PackagedApp.start(Map.of("banhao.data-dir", data.toString()), Map.of(), work.resolve("bare.log"));
        assertEquals(1, bare.waitForExit(Duration.ofSeconds(60)), "no servers configured and not in local mode");
        assertTrue(bare.tail().contains("set quarkus.datasource.reactive.url, quarkus.redis.hosts, "
                + "smallrye.jwt.sign.key.location"), bare.tail());
        assertFalse(Files.exists(data.resolve("postgres")), "no embedded PostgreSQL outside local mode");

        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(work.resolve("external-pg"))
                .setCleanDataDirectory(false).start();
                EmbeddedServers externalRedis = EmbeddedServers.start(
                        new EmbeddedSettings(false, true, work.resolve("external-redis"), false, 0, 0));
                FakeAliyunSms sms = FakeAliyunSms.start()) {
            int pgPort = external.getPort();
            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + pgPort + "/postgres",
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "",
                    "QUARKUS_REDIS_HOSTS", externalRedis.config().get("quarkus.redis.hosts"),
                    "BANHAO_DATA_DIR", data.toString());
            // Servers, keys and the other real providers configured (never called here), but no SMS gateway: the
            // start stops naming its settings...
            Map<String, String> props = new HashMap<>(LocalKeys.ensure(work.resolve("keys")));
            props.putAll(Map.of("banhao.mini-program.wechat.app-id", "wx-app", "banhao.mini-program.wechat.app-secret", "wx-secret",
                    "banhao.identity.ctid.endpoint", "http://127.0.0.1:9/verify", "banhao.identity.ctid.app-id", "ctid-app",
                    "banhao.identity.ctid.app-secret", "ctid-secret"));
            props.putAll(Map.of("banhao.ratings.national-report.endpoint", "http://127.0.0.1:9/rating-report",
                    "banhao.ratings.national-report.app-key", "report-key",
                    "banhao.postal.ems.endpoint", "http://127.0.0.1:9/ems", "banhao.postal.ems.sender-no", "1100000000000",
                    "banhao.postal.ems.authorization", "ems-auth", "banhao.postal.ems.user-code", "ems-user",
                    "banhao.postal.ems.sign-key", "MDEyMzQ1Njc4OWFiY2RlZg==", "banhao.postal.ems.ecommerce-user-id", "ems-ecommerce"));
            props.putAll(Map.of("banhao.video.livekit.url", "wss://127.0.0.1:9", "banhao.video.livekit.api-key", "lk-key",
                    "banhao.video.livekit.api-secret", "lk-secret-of-at-least-thirty-two-characters"));
            PackagedApp refused = PackagedApp.start(props, env, work.resolve("refused.log"));
            assertEquals(1, refused.waitForExit(Duration.ofSeconds(90)), "no silent log SMS gateway outside local mode");
            assertTrue(refused.tail().contains("banhao.sms.aliyun.access-key-id"), refused.tail());
            // ...and with one, the node starts: external servers, the real gateway, no stand-ins, all interfaces.
            props.putAll(sms.config());
            try (PackagedApp app = PackagedApp.start(props, env, work.resolve("external.log")).awaitReady(READY)) {
                String info = app.get("/api/v1/system/info").body();
                assertTrue(info.contains("\"postgres\":false") && info.contains("\"redis\":false"), info);
                assertFalse(Files.exists(data.resolve("postgres")), "no embedded PostgreSQL data directory");
                assertFalse(Files.exists(data.resolve("redis")), "no embedded Redis data directory");
                assertTrue(app.tail().contains("Listening on: http://0.0.0.0:" + app.port()), app.tail());
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres",
                        "postgres", "")) {
                    assertEquals(1, bootsRecorded(c).size(), "the app migrated and wrote to the external database");
                    assertEquals(0, count(c, "SELECT count(*) FROM staff_user"), "no demo staff outside local mode");
                }
                String sent = app.post("/api/v1/auth/otp", "{\"phone\":\"13900001111\"}").body();
                assertTrue(sent.contains("\"phone\":\"139****1111\""), sent);
                assertFalse(sent.contains("devCode"), "the code goes by SMS only: " + sent);
                assertEquals(1, sms.received().size(), "sent through the SMS platform");
                String code = sms.received().get(0).form().get("TemplateParam").replaceAll("\\D", "");
                assertFalse(Files.readString(work.resolve("external.log")).contains(code), "the code is in no log line");
            }
        }
    }

    private static String instanceId(String info) {
        Matcher m = INSTANCE.matcher(info);
        assertTrue(m.find(), info);
        return m.group(1);
    }

    private List<String> bootsRecorded(int port) throws Exception {
        try (Connection c = PackagedApp.database(work, port, "banhao")) {
            return bootsRecorded(c);
        }
    }

    private static List<String> bootsRecorded(Connection connection) throws Exception {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT instance_id FROM system_boot ORDER BY started_at")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static int count(Connection connection, String sql) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String setting(int port, String name) throws Exception {
        try (Connection c = PackagedApp.database(work, port, "banhao");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
