package app.banhao.platform.web;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with forwarded-address handling on but no trusted proxies named. Quarkus then believes
 * {@code X-Forwarded-For} from any caller, so anyone could pick the address that per-IP limits count and the
 * audit log records. Behind a load balancer, name its addresses in {@code quarkus.http.proxy.trusted-proxies}.
 */
@ApplicationScoped
public class TrustedProxies {

    static final String FORWARDING = "quarkus.http.proxy.proxy-address-forwarding";
    static final String TRUSTED = "quarkus.http.proxy.trusted-proxies";

    private final boolean forwarding;
    private final Optional<List<String>> trusted;

    public TrustedProxies(@ConfigProperty(name = FORWARDING, defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = TRUSTED) Optional<List<String>> trusted) {
        this.forwarding = forwarding;
        this.trusted = trusted;
    }

    // Before any other start-up work: a refused configuration should leave no trace.
    void check(@Observes @Priority(1) StartupEvent event) {
        require(forwarding, trusted);
    }

    static void require(boolean forwarding, Optional<List<String>> trusted) {
        boolean named = trusted.map(list -> list.stream().anyMatch(s -> !s.isBlank())).orElse(false);
        if (forwarding && !named) {
            throw new IllegalStateException(FORWARDING + "=true needs " + TRUSTED
                    + " (the load balancer's addresses): without it any caller could choose its own client address");
        }
    }
}
