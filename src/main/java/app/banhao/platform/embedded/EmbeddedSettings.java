package app.banhao.platform.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * What to start before Quarkus, decided from system properties and environment variables only:
 * Quarkus's own configuration does not exist yet at that point.
 *
 * @param postgres start an embedded PostgreSQL (no external reactive URL configured)
 * @param redis start an embedded Redis (no external Redis hosts configured)
 * @param dataDir where both keep their data
 * @param durable fsync, synchronous commit and append-only file on (off only for throw-away test data)
 * @param keysConfigured whether token-signing keys are configured (else a local one is generated)
 */
public record EmbeddedSettings(boolean postgres, boolean redis, Path dataDir, boolean durable,
        int postgresPort, int redisPort, boolean keysConfigured) {

    public EmbeddedSettings(boolean postgres, boolean redis, Path dataDir, boolean durable, int postgresPort, int redisPort) {
        this(postgres, redis, dataDir, durable, postgresPort, redisPort, false);
    }

    public static EmbeddedSettings from(Properties sys, Map<String, String> env) {
        boolean externalPg = present(sys, env, "quarkus.datasource.reactive.url");
        boolean externalRedis = present(sys, env, "quarkus.redis.hosts");
        Path dataDir = Path.of(value(sys, env, "banhao.data-dir", "./data")).toAbsolutePath().normalize();
        return new EmbeddedSettings(!externalPg, !externalRedis, dataDir, true,
                Integer.parseInt(value(sys, env, "banhao.embedded.postgres-port", "0")),
                Integer.parseInt(value(sys, env, "banhao.embedded.redis-port", "0")),
                present(sys, env, "smallrye.jwt.sign.key.location"));
    }

    public static EmbeddedSettings fromEnvironment() {
        return from(System.getProperties(), System.getenv());
    }

    public boolean any() {
        return postgres || redis;
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
