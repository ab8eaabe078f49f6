package app.banhao.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Issue 10 point 11: the embedded servers ask for a password, even on loopback. */
class EmbeddedServersTest {

    @TempDir
    Path work;

    @Test
    void postgresRefusesAConnectionWithoutItsPassword() throws Exception {
        Path data = work.resolve("data");
        try (EmbeddedServers servers = EmbeddedServers.start(new EmbeddedSettings(true, false, data, false, 0, 0))) {
            int port = servers.postgresPort().orElseThrow();
            assertRefused(port, "");
            assertRefused(port, "not-the-password");
            assertEquals(1, selectOne(servers.connect("banhao")), "the generated password is the way in");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("postgres.password"))));
            assertEquals(servers.config().get("quarkus.datasource.password"), EmbeddedServers.postgresPassword(data));
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneAsksForThePasswordFromItsNextStart() throws Exception {
        Path data = work.resolve("old-data");
        // What earlier versions made: zonky's initdb with "-A trust", superuser without a password.
        EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres")).setCleanDataDirectory(false).start().close();
        try (EmbeddedServers servers = EmbeddedServers.start(new EmbeddedSettings(true, false, data, false, 0, 0))) {
            assertRefused(servers.postgresPort().orElseThrow(), "");
            assertEquals(1, selectOne(servers.connect("banhao")));
        }
    }

    @Test
    void redisRefusesACommandWithoutAuth() throws Exception {
        Path data = work.resolve("data");
        try (EmbeddedServers servers = EmbeddedServers.start(new EmbeddedSettings(false, true, data, false, 0, 0))) {
            int port = servers.redisPort().orElseThrow();
            assertTrue(redis(port, "PING").startsWith("-NOAUTH"), "without AUTH");
            assertTrue(redis(port, "AUTH not-the-password").startsWith("-WRONGPASS"), "a wrong password");
            assertEquals("+OK", redis(port, "AUTH " + EmbeddedServers.redisPassword(data)));
            assertEquals("redis://:" + EmbeddedServers.redisPassword(data) + "@localhost:" + port,
                    servers.config().get("quarkus.redis.hosts"), "the Quarkus client is given the password");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("redis.password"))));
        }
    }

    /** The two start side by side (issue 16); again and again, each answers with its password. */
    @Test
    void bothServersStartTogetherAndAnswer() throws Exception {
        Path data = work.resolve("data");
        for (int start = 0; start < 3; start++) {
            try (EmbeddedServers servers = EmbeddedServers.start(new EmbeddedSettings(true, true, data, false, 0, 0))) {
                assertEquals(1, selectOne(servers.connect("banhao")), "start " + start + ": PostgreSQL");
                assertEquals("+OK", redis(servers.redisPort().orElseThrow(), "AUTH " + EmbeddedServers.redisPassword(data)),
                        "start " + start + ": Redis");
            }
        }
    }

    /** A start that fails leaves nothing running: the Redis that came up beside a PostgreSQL that did not is stopped. */
    @Test
    void aPostgresThatCannotStartStopsTheRedisStartedBesideIt() throws Exception {
        Path data = work.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("postgres"), "a file where the cluster's directory belongs");
        int redisPort = FreePorts.find();
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> EmbeddedServers.start(new EmbeddedSettings(true, true, data, false, 0, redisPort)));
        assertTrue(failed.getMessage().startsWith("Could not start the embedded servers"), failed.getMessage());
        assertThrows(java.net.ConnectException.class, () -> new Socket("127.0.0.1", redisPort).close(),
                "no Redis is left listening");
    }

    private static void assertRefused(int port, String password) {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/banhao", "postgres", password).close());
        assertTrue("28P01".equals(e.getSQLState()) || String.valueOf(e.getMessage()).contains("password"),
                e.getSQLState() + " " + e.getMessage());
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (connection; Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** One inline command, its first reply line. */
    private static String redis(int port, String command) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }
}
