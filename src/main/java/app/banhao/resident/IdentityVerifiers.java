package app.banhao.resident;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import app.banhao.platform.local.LocalMode;
import app.banhao.platform.local.ProviderSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Chooses the identity check once, at start: the stand-in in local mode, the CTID-style service
 * otherwise. Made at start ({@link Startup}) so that a missing setting stops the start with its name
 * rather than failing a resident's real-name verification later.
 */
@ApplicationScoped
public class IdentityVerifiers {

    @Produces
    @ApplicationScoped
    @Startup
    IdentityVerifier verifier(LocalMode localMode, IdentityConfig config, WebClient http) {
        return select(localMode, config, http, Clock.systemUTC());
    }

    static IdentityVerifier select(LocalMode localMode, IdentityConfig config, WebClient http, Clock clock) {
        if (localMode.on()) {
            Log.warn("Local mode: real-name verification accepts any name with a well-formed ID number");
            return new LocalIdentityVerifier(localMode);
        }
        ProviderSettings settings = ProviderSettings.of("The identity check (real-name verification)")
                .with(CtidIdentityVerifier.ENDPOINT, config.endpoint()).with(CtidIdentityVerifier.APP_ID, config.appId())
                .with(CtidIdentityVerifier.APP_SECRET, config.appSecret());
        if (!settings.complete()) {
            throw LocalMode.missingSetting(CtidIdentityVerifier.ENDPOINT, "The identity check (real-name verification)");
        }
        return new CtidIdentityVerifier(new CtidIdentityVerifier.Settings(settings.get(CtidIdentityVerifier.ENDPOINT),
                settings.get(CtidIdentityVerifier.APP_ID), settings.get(CtidIdentityVerifier.APP_SECRET), config.timeout()),
                http, clock);
    }
}
