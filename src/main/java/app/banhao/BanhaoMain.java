package app.banhao;

import org.jboss.logging.Logger;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.platform.security.LocalJwtKeys;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the embedded PostgreSQL and Redis when no external ones are configured, then Quarkus pointed
 * at them, so a fresh clone runs with nothing but a JDK (DESIGN.md §3). Both servers stop with the JVM.
 */
@QuarkusMain
public final class BanhaoMain {

    private static final Logger LOG = Logger.getLogger(BanhaoMain.class);

    private BanhaoMain() {
    }

    public static void main(String... args) {
        EmbeddedSettings settings = EmbeddedSettings.fromEnvironment();
        EmbeddedServers servers = EmbeddedServers.start(settings);
        servers.config().forEach(System::setProperty);
        if (!settings.keysConfigured()) {
            // A single instance keeps its own signing key; a cluster is configured with shared keys. Without
            // a key every request, readiness included, would fail on the missing key file.
            if (!settings.postgres()) {
                LOG.warnf("No token-signing key configured: this instance signs with its own key in %s; configure "
                        + "SMALLRYE_JWT_SIGN_KEY_LOCATION and MP_JWT_VERIFY_PUBLICKEY_LOCATION so that all nodes share one",
                        settings.dataDir().resolve("keys"));
            }
            LocalJwtKeys.ensure(settings.dataDir().resolve("keys")).forEach(System::setProperty);
        }
        Quarkus.run(args);
    }
}
