package app.banhao;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
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
        EmbeddedServers servers = EmbeddedServers.start(EmbeddedSettings.fromEnvironment());
        servers.config().forEach(System::setProperty);
        Quarkus.run(args);
    }
}
