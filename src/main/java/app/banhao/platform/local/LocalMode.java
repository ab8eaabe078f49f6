package app.banhao.platform.local;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one switch for every stand-in (DESIGN.md §3): the SMS log gateway that reveals codes, the local
 * mini-program and identity providers, the demo accounts. Off unless an operator says
 * {@code banhao.local-mode=true} (env {@code BANHAO_LOCAL_MODE}); outside local mode each real provider
 * must be configured, and a missing one stops the start with the setting's name.
 */
@ApplicationScoped
public class LocalMode {

    public static final String KEY = "banhao.local-mode";

    private final boolean on;

    public LocalMode(@ConfigProperty(name = KEY, defaultValue = "false") boolean on) {
        this.on = on;
    }

    public boolean on() {
        return on;
    }

    /** The start-up error for a real provider whose setting is missing outside local mode. */
    public static IllegalStateException missingSetting(String setting, String what) {
        return new IllegalStateException(what + " is not configured: set " + setting
                + " (or run a local, loopback-only instance with " + KEY + "=true; see README)");
    }
}
