package app.banhao.postal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import app.banhao.platform.local.LocalMode;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The one place that decides who carries parcels: the stand-in in local mode (unless an EMS endpoint is set, e.g. the
 * sandbox, which local mode then uses), EMS everywhere else. Made at start-up,
 * so a missing EMS setting stops the start with its name instead of failing the first approval.
 */
@ApplicationScoped
public class Carriers {

    // Application-scoped (a client proxy) rather than a singleton, so a test can stand a failing carrier in for it.
    @Produces
    @ApplicationScoped
    @Startup(1)
    Carrier carrier(LocalMode local, EmsConfig config, WebClient http) {
        return select(local, config, http);
    }

    static Carrier select(LocalMode local, EmsConfig config, WebClient http) {
        boolean standIn = local.on() && (config == null || config.endpoint().isEmpty());
        return standIn ? new LocalCarrier() : new EmsCarrier(config.settings(), http);
    }
}
