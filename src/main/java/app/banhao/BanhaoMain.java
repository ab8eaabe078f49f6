package app.banhao;

import java.util.List;

import org.jboss.logging.Logger;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.platform.local.LocalMode;
import app.banhao.platform.security.LocalKeys;
import app.banhao.platform.web.HttpEdgeFilters;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Local mode ({@code banhao.local-mode=true}) starts the embedded PostgreSQL and Redis where no external
 * ones are configured, generates the instance's keys and binds to loopback, then starts Quarkus pointed at
 * them, so a fresh clone runs with nothing but a JDK (DESIGN.md §3). Outside local mode nothing is made
 * up: a missing server or key stops the start with its setting's name. Both servers stop with the JVM.
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
        List<String> missing = settings.missingSettings();
        if (!missing.isEmpty()) {
            // Every node of a cluster must use the same servers and sign, verify, encrypt and index with the same
            // keys: anything made up here would split data and tokens between nodes, so there is no silent default.
            // Standard error, not the log: log records before Quarkus.run wait for its logging set-up, which never comes.
            System.err.println("ERROR " + LocalMode.missingSetting(String.join(", ", missing),
                    "This node (outside local mode)").getMessage());
            System.exit(1);
        }
        settings.config().forEach(System::setProperty);
        EmbeddedServers servers = EmbeddedServers.start(settings);
        servers.config().forEach(System::setProperty);
        if (settings.localMode() && !settings.keysConfigured()) {
            // A single local instance keeps its own keys, in a directory of their own beside the data.
            LocalKeys.ensure(settings.keyDir(), settings.dataDir()).forEach((key, value) -> {
                if (!settings.isConfigured(key)) {
                    System.setProperty(key, value);
                }
            });
        }
        if (settings.localMode()) {
            LOG.warnf("Local mode: every stand-in is on (log SMS gateway with devCode, demo accounts, local providers); "
                    + "HTTP on %s", settings.config().getOrDefault(EmbeddedSettings.HTTP_HOST, "the configured host"));
        }
        Quarkus.run(args);
    }
}
