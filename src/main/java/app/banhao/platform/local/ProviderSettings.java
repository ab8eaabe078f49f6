package app.banhao.platform.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one real provider, which only make sense together (an app id without its secret is
 * a typo, not a choice): all absent means "not configured", some absent is a start-up error naming
 * the first missing setting.
 */
public final class ProviderSettings {

    private final String what;
    private final Map<String, Optional<String>> values = new LinkedHashMap<>();

    private ProviderSettings(String what) {
        this.what = what;
    }

    /** @param what the provider, as a start-up error names it ("WeChat mini-program login") */
    public static ProviderSettings of(String what) {
        return new ProviderSettings(what);
    }

    public ProviderSettings with(String setting, Optional<String> value) {
        values.put(setting, value.map(String::strip).filter(v -> !v.isEmpty()));
        return this;
    }

    /** True when every setting is present, false when none is; a partial set stops the start. */
    public boolean complete() {
        boolean any = values.values().stream().anyMatch(Optional::isPresent);
        if (!any) {
            return false;
        }
        values.forEach((setting, value) -> {
            if (value.isEmpty()) {
                throw LocalMode.missingSetting(setting, what);
            }
        });
        return true;
    }

    /** The value of a setting of a complete set. */
    public String get(String setting) {
        return values.get(setting).orElseThrow(() -> LocalMode.missingSetting(setting, what));
    }
}
