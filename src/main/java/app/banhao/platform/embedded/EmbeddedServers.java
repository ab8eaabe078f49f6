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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import app.banhao.platform.security.LocalKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * Real PostgreSQL and Redis servers started inside this process's lifetime, for a machine with nothing
 * installed (DESIGN.md §3). Each is started only when no external one is configured; the config
 * properties returned point Quarkus at whichever were started.
 *
 * <p>Both ask for a password, even on loopback: any local process or user could otherwise connect to
 * PostgreSQL as its superuser or read Redis. The passwords are generated once and kept owner-only beside
 * the servers' data ({@code postgres.password}, {@code redis.password}); PostgreSQL takes SCRAM-SHA-256
 * only (a data directory an earlier version made with {@code trust} is switched over on its next start).
 *
 * <p>Plain JBoss logging rather than {@code io.quarkus.logging.Log}: this runs before Quarkus starts.
 */
public final class EmbeddedServers implements AutoCloseable {

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
    private volatile EmbeddedPostgres postgres;
    private final int postgresPort;
    private final RedisServer redis;
    private final int redisPort;
    private final Map<String, String> config = new LinkedHashMap<>();

    private EmbeddedServers(EmbeddedSettings settings, EmbeddedPostgres postgres, RedisServer redis, int redisPort) {
        this.settings = settings;
        this.postgres = postgres;
        this.postgresPort = postgres == null ? 0 : postgres.getPort();
        this.redis = redis;
        this.redisPort = redisPort;
        config.put("banhao.embedded.postgres", Boolean.toString(postgres != null));
        config.put("banhao.embedded.redis", Boolean.toString(redis != null));
        if (postgres != null) {
            int port = postgres.getPort();
            config.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + DATABASE);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/" + DATABASE);
            config.put("quarkus.datasource.username", SUPERUSER);
            config.put("quarkus.datasource.password", postgresPassword(settings.dataDir()));
        }
        if (redis != null) {
            config.put("quarkus.redis.hosts", "redis://:" + redisPassword(settings.dataDir()) + "@localhost:" + redisPort);
        }
    }

    /** Starts what {@code settings} asks for; nothing when both servers are external. */
    public static EmbeddedServers start(EmbeddedSettings settings) {
        EmbeddedPostgres pg = null;
        RedisServer redis = null;
        int redisPort = 0;
        try {
            if (settings.postgres()) {
                pg = startPostgres(settings);
            }
            if (settings.redis()) {
                redisPort = settings.redisPort() > 0 ? settings.redisPort() : FreePorts.find();
                redis = startRedis(settings, redisPort);
            }
            return new EmbeddedServers(settings, pg, redis, redisPort);
        } catch (RuntimeException | IOException e) {
            closeQuietly(pg);
            throw new IllegalStateException("Could not start the embedded servers: " + e.getMessage(), e);
        }
    }

    /** Config properties that point the datasource and Redis client at the started servers. */
    public Map<String, String> config() {
        return Map.copyOf(config);
    }

    public Optional<Integer> postgresPort() {
        return postgresPort == 0 ? Optional.empty() : Optional.of(postgresPort);
    }

    /** A JDBC connection as the superuser to {@code database} of the embedded PostgreSQL (tests, tools). */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + database, SUPERUSER,
                postgresPassword(settings.dataDir()));
    }

    /** The embedded PostgreSQL's superuser password for the servers keeping their data in {@code dataDir}. */
    public static String postgresPassword(Path dataDir) {
        return LocalKeys.password(dataDir.resolve("postgres.password"));
    }

    /** The embedded Redis's password ({@code requirepass}) for the servers keeping their data in {@code dataDir}. */
    public static String redisPassword(Path dataDir) {
        return LocalKeys.password(dataDir.resolve("redis.password"));
    }

    /** Stops PostgreSQL (for fault tests), keeping its data for {@link #restartPostgres()}. */
    public synchronized void stopPostgres() {
        EmbeddedPostgres running = postgres;
        if (running != null) {
            postgres = null;
            closeQuietly(running);
        }
    }

    /** Starts PostgreSQL again on the same port and data after {@link #stopPostgres()}. */
    public synchronized void restartPostgres() {
        if (postgres == null && postgresPort != 0) {
            try {
                postgres = startPostgres(new EmbeddedSettings(true, false, settings.dataDir(), settings.durable(),
                        postgresPort, 0));
            } catch (IOException e) {
                throw new IllegalStateException("Could not restart the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }

    public Optional<Integer> redisPort() {
        return redis == null ? Optional.empty() : Optional.of(redisPort);
    }

    /** Stops Redis (for fault tests) without touching PostgreSQL. */
    public void stopRedis() {
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    /** Starts Redis again on the same port after {@link #stopRedis()}. */
    public void restartRedis() {
        if (redis != null && !redis.isActive()) {
            redis.start();
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            try {
                redis.stop();
            } catch (RuntimeException e) {
                LOG.warnf("Could not stop embedded Redis: %s", e.getMessage());
            }
        }
        closeQuietly(postgres);
    }

    private static EmbeddedPostgres startPostgres(EmbeddedSettings settings) throws IOException {
        Path dir = settings.dataDir().resolve("postgres");
        Files.createDirectories(dir);
        StaleProcesses.stopPostmasterOf(dir);
        String password = postgresPassword(settings.dataDir());
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

    private static RedisServer startRedis(EmbeddedSettings settings, int port) throws IOException {
        Path dir = settings.dataDir().resolve("redis").toAbsolutePath();
        Files.createDirectories(dir);
        Path pidFile = dir.resolve("redis.pid");
        StaleProcesses.stopRedisOf(pidFile);
        // The password goes in an owner-only file of its own that the server's configuration includes: the
        // library writes the rest of the configuration to a temporary file anyone may read.
        Path auth = dir.resolve("auth.conf");
        LocalKeys.writePrivate(auth, "requirepass " + redisPassword(settings.dataDir()) + "\n");
        RedisServer server = RedisServer.builder()
                .port(port)
                .setting("include " + auth)
                .setting("daemonize no")
                .setting("dir " + dir)
                .setting("pidfile " + pidFile)
                .setting("appendonly " + (settings.durable() ? "yes" : "no"))
                .setting("save \"\"")
                .setting("maxmemory-policy noeviction")
                .build();
        server.start();
        LOG.infof("Embedded Redis on port %d, data in %s", port, dir);
        return server;
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
