package app.banhao.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** What is decided before Quarkus starts: local mode alone makes anything up. */
class EmbeddedSettingsTest {

    private static final Map<String, String> CLUSTER_ENV = Map.of(
            "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db:5432/banhao",
            "QUARKUS_REDIS_HOSTS", "redis://cache:6379",
            "SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:/etc/banhao/signing.jwk",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:/etc/banhao/jwks.json",
            "BANHAO_CRYPTO_DATA_KEY", "a2V5",
            "BANHAO_CRYPTO_INDEX_KEY", "a2V5");

    @Test
    void withoutLocalModeNothingIsEmbeddedAndEveryMissingSettingIsNamed() {
        EmbeddedSettings settings = EmbeddedSettings.from(new Properties(), Map.of());
        assertFalse(settings.any(), "no embedded server outside local mode, even with nothing configured");
        assertEquals(List.of("quarkus.datasource.reactive.url", "quarkus.redis.hosts", "smallrye.jwt.sign.key.location",
                "mp.jwt.verify.publickey.location", "banhao.crypto.data-key", "banhao.crypto.index-key"),
                settings.missingSettings());
    }

    @Test
    void aConfiguredNodeLacksNothingAndKeepsItsHost() {
        EmbeddedSettings settings = EmbeddedSettings.from(new Properties(), CLUSTER_ENV);
        assertEquals(List.of(), settings.missingSettings());
        assertFalse(settings.any());
        assertEquals(Map.of("banhao.local-mode", "false"), settings.config(), "listens where Quarkus would (0.0.0.0)");
    }

    @Test
    void localModeStartsWhatIsMissingAndListensOnLoopback() {
        EmbeddedSettings settings = EmbeddedSettings.from(new Properties(), Map.of("BANHAO_LOCAL_MODE", "true"));
        assertTrue(settings.postgres() && settings.redis());
        assertEquals(List.of(), settings.missingSettings());
        assertFalse(settings.keysConfigured(), "a local instance generates its keys");
        assertEquals("127.0.0.1", settings.config().get("quarkus.http.host"));
        assertEquals("127.0.0.1", settings.config().get("quarkus.management.host"), "health and metrics on loopback too");
        assertEquals("true", settings.config().get("banhao.local-mode"));
    }

    @Test
    void localModeAsASystemPropertyToo() {
        Properties sys = new Properties();
        sys.setProperty("banhao.local-mode", "true");
        assertTrue(EmbeddedSettings.from(sys, Map.of()).localMode());
    }

    @Test
    void anOperatorsHostWinsOverLoopback() {
        EmbeddedSettings settings = EmbeddedSettings.from(new Properties(),
                Map.of("BANHAO_LOCAL_MODE", "true", "QUARKUS_HTTP_HOST", "0.0.0.0"));
        assertFalse(settings.config().containsKey("quarkus.http.host"), settings.config().toString());
    }

    @Test
    void keysLiveBesideTheDataNotInIt() {
        EmbeddedSettings settings = EmbeddedSettings.from(new Properties(), Map.of("BANHAO_LOCAL_MODE", "true"));
        assertFalse(settings.keyDir().startsWith(settings.dataDir()), settings.keyDir() + " inside " + settings.dataDir());
        assertEquals(settings.dataDir().getParent(), settings.keyDir().getParent(), "./keys beside ./data");
    }
}
