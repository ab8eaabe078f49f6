package app.banhao;

import org.jboss.logging.Logger;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.platform.security.LocalKeys;
import app.banhao.platform.web.HttpEdgeFilters;
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
        // Quarkus answers a target that is no URI with an empty 400 before any route; HttpEdgeFilters makes the
        // same check and answers a problem document. Read once, when Quarkus's HTTP recorder is loaded.
        System.setProperty(HttpEdgeFilters.URI_VALIDATION_OFF, "true");
        EmbeddedSettings settings = EmbeddedSettings.fromEnvironment();
        EmbeddedServers servers = EmbeddedServers.start(settings);
        servers.config().forEach(System::setProperty);
        if (!settings.keysConfigured()) {
            if (!settings.postgres()) {
                // Every node of a cluster must sign, verify, encrypt and index with the same keys: a key made up
                // here would split tokens and personal data between nodes, so there is no silent default.
                LOG.error("External servers need configured keys: SMALLRYE_JWT_SIGN_KEY_LOCATION, "
                        + "MP_JWT_VERIFY_PUBLICKEY_LOCATION, BANHAO_CRYPTO_DATA_KEY and BANHAO_CRYPTO_INDEX_KEY (see README)");
                servers.close();
                System.exit(1);
            }
            // A single local instance keeps its own keys in its data directory.
            LocalKeys.ensure(settings.dataDir().resolve("keys")).forEach(System::setProperty);
        }
        Quarkus.run(args);
    }
}
