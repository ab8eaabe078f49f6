package app.banhao.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jboss.logging.Logger;

import app.banhao.platform.security.LocalKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL of {@link EmbeddedServers}: SCRAM-SHA-256 only (a data directory an earlier version made
 * with {@code trust} is switched over on its next start), and it can be stopped and restarted on the same port and
 * data for fault tests.
 */
final class EmbeddedPostgresServer {

    /** Logged under {@link EmbeddedServers}: one category for the embedded servers' start-up lines. */
    private static final Logger LOG = Logger.getLogger(EmbeddedServers.class);
    static final String DATABASE = "banhao";
    static final String SUPERUSER = "postgres";
    private static final String SCRAM = "scram-sha-256";
    /** Password (SCRAM) for every connection, local socket or loopback TCP; nothing is trusted. */
    private static final String HBA = """
            # Banhao's embedded PostgreSQL: every connection authenticates with the generated password.
            local   all           all                  scram-sha-256
            host    all           all   127.0.0.1/32   scram-sha-256
            host    all           all   ::1/128        scram-sha-256
            local   replication   all                  scram-sha-256
            host    replication   all   127.0.0.1/32   scram-sha-256
            host    replication   all   ::1/128        scram-sha-256
            """;

    private final EmbeddedSettings settings;
    private final int port;
    private volatile EmbeddedPostgres running;

    private EmbeddedPostgresServer(EmbeddedSettings settings, EmbeddedPostgres running) {
        this.settings = settings;
        this.running = running;
        this.port = running.getPort();
    }

    static EmbeddedPostgresServer start(EmbeddedSettings settings) throws IOException {
        return new EmbeddedPostgresServer(settings, startProcess(settings));
    }

    /** The superuser password for the servers keeping their data in {@code dataDir}. */
    static String password(Path dataDir) {
        return LocalKeys.password(dataDir.resolve("postgres.password"));
    }

    int port() {
        return port;
    }

    String password() {
        return password(settings.dataDir());
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, SUPERUSER,
                password());
    }

    synchronized void stop() {
        EmbeddedPostgres current = running;
        if (current != null) {
            running = null;
            closeQuietly(current);
        }
    }

    synchronized void restart() {
        if (running == null) {
            try {
                running = startProcess(new EmbeddedSettings(true, false, settings.dataDir(), settings.durable(), port, 0));
            } catch (IOException e) {
                throw new IllegalStateException("Could not restart the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }

    void close() {
        closeQuietly(running);
    }

    private static EmbeddedPostgres startProcess(EmbeddedSettings settings) throws IOException {
        Path dir = settings.dataDir().resolve("postgres");
        Files.createDirectories(dir);
        StaleProcesses.stopPostmasterOf(dir);
        String password = password(settings.dataDir());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setConnectConfig("password", password)
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(settings.postgresPort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "localhost");
        // zonky's defaults trade durability for speed (fsync and synchronous_commit off); a resident's
        // submission must survive a crash, so the durable default turns them back on.
        String durable = settings.durable() ? "on" : "off";
        builder.setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable);
        if (!Files.exists(dir.resolve("postgresql.conf"))) {
            // zonky runs initdb with "-A trust"; these become "--auth=… --pwfile=…" after it, and initdb takes
            // the last: a new cluster never trusts anyone, not even between initdb and the first start.
            builder.setLocaleConfig("auth", SCRAM)
                    .setLocaleConfig("pwfile", settings.dataDir().resolve("postgres.password").toString());
        }
        EmbeddedPostgres pg = builder.start();
        requirePassword(pg, dir, password);
        createDatabaseIfMissing(pg);
        LOG.infof("Embedded PostgreSQL on port %d, data in %s (durable: %s)", pg.getPort(), dir, settings.durable());
        return pg;
    }

    /**
     * A data directory made by an earlier version trusts every local connection: give the superuser the
     * password, then make the server ask for it (reloaded at once, no restart).
     */
    private static void requirePassword(EmbeddedPostgres pg, Path dir, String password) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        boolean trusting = Files.readAllLines(hba).stream().map(String::strip)
                .anyMatch(line -> !line.startsWith("#") && line.matches(".*\\btrust\\b.*"));
        if (!trusting) {
            return;
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = '" + SCRAM + "'");
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            LocalKeys.writePrivate(hba, HBA);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not switch the embedded PostgreSQL to password authentication", e);
        }
        LOG.warnf("Embedded PostgreSQL in %s trusted local connections; it asks for its password now", dir);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IOException("Could not create database " + DATABASE, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        if (pg == null) {
            return;
        }
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not stop embedded PostgreSQL: %s", e.getMessage());
        }
    }
}
