package app.banhao;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.platform.security.LocalKeys;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the embedded PostgreSQL and Redis when no external ones are configured, then Quarkus pointed
 * at them, so a fresh clone runs with nothing but a JDK (DESIGN.md §3). Both servers stop with the JVM.
 */
@QuarkusMain
public final class BanhaoMain {

    private BanhaoMain() {
    }

    public static void main(String... args) {
        EmbeddedSettings settings = EmbeddedSettings.fromEnvironment();
        EmbeddedServers servers = EmbeddedServers.start(settings);
        servers.config().forEach(System::setProperty);
        if (settings.postgres() && !settings.keysConfigured()) {
            // A single local instance keeps its own signing key; a cluster is configured with shared keys.
            LocalKeys.ensure(settings.dataDir().resolve("keys")).forEach(System::setProperty);
        }
        Quarkus.run(args);
    }
}
