package app.banhao.resident;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The identity check's settings (README, "Mini-program and identity providers"); required outside local mode. */
@ConfigMapping(prefix = "banhao.identity.ctid")
public interface IdentityConfig {

    String PREFIX = "banhao.identity.ctid.";

    Optional<String> endpoint();

    Optional<String> appId();

    Optional<String> appSecret();

    @WithDefault("PT5S")
    Duration timeout();
}
