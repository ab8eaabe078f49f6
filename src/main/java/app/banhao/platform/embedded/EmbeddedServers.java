package app.banhao.platform.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
 * <p>Each server is handled by its own class ({@link EmbeddedPostgresServer}, {@link EmbeddedRedisServer}), which
 * log with plain JBoss logging rather than {@code io.quarkus.logging.Log}: this runs before Quarkus starts.
 */
public final class EmbeddedServers implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;
    private final Map<String, String> config = new LinkedHashMap<>();

    private EmbeddedServers(EmbeddedSettings settings, EmbeddedPostgresServer postgres, EmbeddedRedisServer redis) {
        this.postgres = postgres;
        this.redis = redis;
        config.put("banhao.embedded.postgres", Boolean.toString(postgres != null));
        config.put("banhao.embedded.redis", Boolean.toString(redis != null));
        if (postgres != null) {
            int port = postgres.port();
            String database = EmbeddedPostgresServer.DATABASE;
            config.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + database);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/" + database);
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.SUPERUSER);
            config.put("quarkus.datasource.password", postgres.password());
        }
        if (redis != null) {
            config.put("quarkus.redis.hosts", "redis://:" + redisPassword(settings.dataDir()) + "@localhost:" + redis.port());
        }
    }

    /**
     * Starts what {@code settings} asks for; nothing when both servers are external. The two run their processes side
     * by side: each spends most of its start waiting for its process to say it is ready, and one after the other that
     * was about 0.7 s of every local start (issue 16). Redis's binary is written out first, before PostgreSQL forks
     * anything ({@link EmbeddedRedisServer#prepare}).
     */
    public static EmbeddedServers start(EmbeddedSettings settings) {
        EmbeddedRedisServer.Prepared preparedRedis;
        try {
            preparedRedis = settings.redis() ? EmbeddedRedisServer.prepare(settings) : null;
        } catch (RuntimeException | IOException e) {
            throw new IllegalStateException("Could not start the embedded servers: " + e.getMessage(), e);
        }
        CompletableFuture<EmbeddedRedisServer> redis = preparedRedis != null
                ? CompletableFuture.supplyAsync(preparedRedis::start, task -> new Thread(task, "embedded-redis-start").start())
                : CompletableFuture.completedFuture(null);
        EmbeddedPostgresServer pg = null;
        try {
            if (settings.postgres()) {
                pg = EmbeddedPostgresServer.start(settings);
            }
            return new EmbeddedServers(settings, pg, redis.join());
        } catch (RuntimeException | IOException e) {
            if (pg != null) {
                pg.close();
            }
            // A Redis that did start while PostgreSQL failed is stopped too: nothing is left running for a failed start.
            redis.handle((started, failed) -> {
                if (started != null) {
                    started.close();
                }
                return null;
            }).join();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Could not start the embedded servers: " + cause.getMessage(), cause);
        }
    }

    /** Config properties that point the datasource and Redis client at the started servers. */
    public Map<String, String> config() {
        return Map.copyOf(config);
    }

    public Optional<Integer> postgresPort() {
        return postgres == null ? Optional.empty() : Optional.of(postgres.port());
    }

    /** A JDBC connection as the superuser to {@code database} of the embedded PostgreSQL (tests, tools). */
    public Connection connect(String database) throws SQLException {
        if (postgres == null) {
            throw new SQLException("No embedded PostgreSQL was started");
        }
        return postgres.connect(database);
    }

    /** The embedded PostgreSQL's superuser password for the servers keeping their data in {@code dataDir}. */
    public static String postgresPassword(Path dataDir) {
        return EmbeddedPostgresServer.password(dataDir);
    }

    /** The embedded Redis's password ({@code requirepass}) for the servers keeping their data in {@code dataDir}. */
    public static String redisPassword(Path dataDir) {
        return EmbeddedRedisServer.password(dataDir);
    }

    /** Stops PostgreSQL (for fault tests), keeping its data for {@link #restartPostgres()}. */
    public void stopPostgres() {
        if (postgres != null) {
            postgres.stop();
        }
    }

    /** Starts PostgreSQL again on the same port and data after {@link #stopPostgres()}. */
    public void restartPostgres() {
        if (postgres != null) {
            postgres.restart();
        }
    }

    public Optional<Integer> redisPort() {
        return redis == null ? Optional.empty() : Optional.of(redis.port());
    }

    /** Stops Redis (for fault tests) without touching PostgreSQL. */
    public void stopRedis() {
        if (redis != null) {
            redis.stop();
        }
    }

    /** Starts Redis again on the same port after {@link #stopRedis()}. */
    public void restartRedis() {
        if (redis != null) {
            redis.restart();
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
