package app.banhao.platform.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import app.banhao.platform.local.LocalMode;

/**
 * What to start before Quarkus, decided from system properties and environment variables only:
 * Quarkus's own configuration does not exist yet at that point.
 *
 * <p>Local mode ({@code banhao.local-mode}) decides everything local: only then are embedded servers started
 * and keys generated, and the HTTP server binds to loopback unless told otherwise. Outside local mode
 * every server and key must be configured ({@link #missingSettings()}).
 *
 * @param localMode {@code banhao.local-mode}: a single local instance with its stand-ins
 * @param postgres start an embedded PostgreSQL (local mode, no external reactive URL configured)
 * @param redis start an embedded Redis (local mode, no external Redis hosts configured)
 * @param dataDir where both keep their data
 * @param keyDir where a local instance keeps its generated keys: beside the data, never inside it
 * @param durable fsync, synchronous commit and append-only file on (off only for throw-away test data)
 * @param configured the settings among {@link #REQUIRED_OUTSIDE_LOCAL_MODE}, {@link #HTTP_HOST} and {@link #MANAGEMENT_HOST} given
 */
public record EmbeddedSettings(boolean localMode, boolean postgres, boolean redis, Path dataDir, Path keyDir,
        boolean durable, int postgresPort, int redisPort, List<String> configured) {

    public static final String HTTP_HOST = "quarkus.http.host";
    /** The management interface (health, metrics) listens on loopback too in local mode. */
    public static final String MANAGEMENT_HOST = "quarkus.management.host";
    static final String POSTGRES_URL = "quarkus.datasource.reactive.url";
    static final String REDIS_HOSTS = "quarkus.redis.hosts";
    public static final String SIGN_KEY = "smallrye.jwt.sign.key.location";

    /** What a node outside local mode cannot start without: its servers and the keys every node shares. */
    static final List<String> REQUIRED_OUTSIDE_LOCAL_MODE = List.of(POSTGRES_URL, REDIS_HOSTS, SIGN_KEY,
            "mp.jwt.verify.publickey.location", "banhao.crypto.data-key", "banhao.crypto.index-key");

    /** Servers only (tests and fault injection): no keys, no local-mode decisions. */
    public EmbeddedSettings(boolean postgres, boolean redis, Path dataDir, boolean durable, int postgresPort, int redisPort) {
        this(true, postgres, redis, dataDir, dataDir.resolveSibling(dataDir.getFileName() + "-keys"), durable,
                postgresPort, redisPort, List.of());
    }

    public static EmbeddedSettings from(Properties sys, Map<String, String> env) {
        boolean local = Boolean.parseBoolean(value(sys, env, LocalMode.KEY, "false").trim());
        List<String> configured = new ArrayList<>();
        for (String key : REQUIRED_OUTSIDE_LOCAL_MODE) {
            if (present(sys, env, key)) {
                configured.add(key);
            }
        }
        for (String host : List.of(HTTP_HOST, MANAGEMENT_HOST)) {
            if (present(sys, env, host)) {
                configured.add(host);
            }
        }
        Path dataDir = Path.of(value(sys, env, "banhao.data-dir", "./data")).toAbsolutePath().normalize();
        Path keyDir = Path.of(value(sys, env, "banhao.key-dir", "./keys")).toAbsolutePath().normalize();
        return new EmbeddedSettings(local, local && !configured.contains(POSTGRES_URL),
                local && !configured.contains(REDIS_HOSTS), dataDir, keyDir, true,
                Integer.parseInt(value(sys, env, "banhao.embedded.postgres-port", "0")),
                Integer.parseInt(value(sys, env, "banhao.embedded.redis-port", "0")), List.copyOf(configured));
    }

    public static EmbeddedSettings fromEnvironment() {
        return from(System.getProperties(), System.getenv());
    }

    public boolean any() {
        return postgres || redis;
    }

    /** Whether a local instance must generate its keys: none configured. */
    public boolean keysConfigured() {
        return configured.contains(SIGN_KEY);
    }

    /**
     * The settings a start outside local mode lacks, by name (empty in local mode, where embedded servers
     * and generated keys stand in). A node of a cluster must never make up its own.
     */
    public List<String> missingSettings() {
        if (localMode) {
            return List.of();
        }
        return REQUIRED_OUTSIDE_LOCAL_MODE.stream().filter(key -> !configured.contains(key)).toList();
    }

    /**
     * The configuration this decision adds before Quarkus starts: in local mode the HTTP server listens on
     * loopback only, unless the operator chose a host; {@code banhao.local-mode} itself, so Quarkus sees
     * the same switch whichever way it was given.
     */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(LocalMode.KEY, Boolean.toString(localMode));
        for (String host : List.of(HTTP_HOST, MANAGEMENT_HOST)) {
            if (localMode && !configured.contains(host)) {
                config.put(host, "127.0.0.1");
            }
        }
        return config;
    }

    /** Whether {@code key} is given as a system property or environment variable (the caller's own wins). */
    public boolean isConfigured(String key) {
        return configured.contains(key);
    }

    private static boolean present(Properties sys, Map<String, String> env, String key) {
        String v = value(sys, env, key, "");
        return !v.isBlank();
    }

    /** A system property wins over its environment variable (MicroProfile Config's own mapping). */
    private static String value(Properties sys, Map<String, String> env, String key, String fallback) {
        String fromSys = sys.getProperty(key);
        if (fromSys != null) {
            return fromSys;
        }
        String fromEnv = env.get(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        return fromEnv != null ? fromEnv : fallback;
    }
}
