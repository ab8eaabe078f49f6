package app.banhao.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.platform.security.LocalKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The same embedded PostgreSQL and Redis the application starts for itself, started once per test run
 * (kept across Quarkus restarts between test profiles) on throw-away data under {@code target/}.
 */
public class EmbeddedServersResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedServers servers;
    private static Map<String, String> keys;

    public static synchronized EmbeddedServers servers() {
        if (servers == null) {
            try {
                Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
                Path dir = Files.createTempDirectory(target, "test-data-");
                servers = EmbeddedServers.start(new EmbeddedSettings(true, true, dir, false, 0, 0));
                keys = LocalKeys.ensure(Files.createTempDirectory(target, "test-keys-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return servers;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(servers().config());
        config.putAll(keys);
        // The packaged-app tests (@QuarkusIntegrationTest) run the prod profile: local mode, like %test, on these
        // servers (external to the app, so it starts none of its own).
        config.put("banhao.local-mode", "true");
        // Nor on the production management port: a 9000 already taken on the machine (another Banhao) must not fail them.
        config.put("quarkus.management.port", "0");
        return config;
    }

    @Override
    public void stop() {
        // Kept for the next Quarkus start in this JVM; the servers' own shutdown hooks stop them at exit.
    }
}
