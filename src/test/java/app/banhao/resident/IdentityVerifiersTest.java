package app.banhao.resident;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.banhao.platform.local.LocalMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import app.banhao.testing.TestWebClient;
import io.vertx.mutiny.ext.web.client.WebClient;

/** Which identity check runs: the stand-in only in local mode; outside it the configured service or no start. */
class IdentityVerifiersTest {

    private static final LocalMode OFF = new LocalMode(false);
    private static final WebClient http = TestWebClient.get();

    private static IdentityVerifier select(LocalMode mode, Map<String, String> settings) {
        IdentityConfig config = new SmallRyeConfigBuilder().withMapping(IdentityConfig.class)
                .withSources(new PropertiesConfigSource(settings, "test", 500)).build().getConfigMapping(IdentityConfig.class);
        return IdentityVerifiers.select(mode, config, http, Clock.systemUTC());
    }

    @Test
    void theStandInRunsInLocalModeOnly() {
        assertInstanceOf(LocalIdentityVerifier.class, select(new LocalMode(true), Map.of()));
        assertThrows(IllegalStateException.class, () -> new LocalIdentityVerifier(OFF));
    }

    @Test
    void outsideLocalModeTheServiceIsUsed() {
        assertInstanceOf(CtidIdentityVerifier.class, select(OFF, Map.of("banhao.identity.ctid.endpoint", "https://ctid.example/v1/verify",
                "banhao.identity.ctid.app-id", "a", "banhao.identity.ctid.app-secret", "s")));
    }

    @Test
    void aMissingSettingIsAStartUpErrorNamingIt() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> select(OFF, Map.of()));
        assertTrue(none.getMessage().contains("banhao.identity.ctid.endpoint"), none.getMessage());
        IllegalStateException noSecret = assertThrows(IllegalStateException.class, () -> select(OFF, Map.of(
                "banhao.identity.ctid.endpoint", "https://ctid.example/v1/verify", "banhao.identity.ctid.app-id", "a")));
        assertTrue(noSecret.getMessage().contains("banhao.identity.ctid.app-secret"), noSecret.getMessage());
    }
}
