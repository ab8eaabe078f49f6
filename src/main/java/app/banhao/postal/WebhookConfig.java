package app.banhao.postal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code banhao.postal.webhook.*}: the secrets carriers sign tracking callbacks with (README "Postal delivery"). */
@ConfigMapping(prefix = "banhao.postal.webhook")
public interface WebhookConfig {

    /** {@code whsec_<base64>} secrets; two while one is rotated. None: every callback is refused. */
    Optional<List<String>> secrets();

    /** How far a callback's timestamp may be from our clock. */
    @WithDefault("PT5M")
    Duration tolerance();
}
