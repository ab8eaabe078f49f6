package app.banhao.postal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.local.LocalMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Which secrets sign callbacks: the configured ones (two while rotating), else local mode's published one, else none. */
class WebhookVerifierTest {

    private static final byte[] BODY = "{\"waybillNo\":\"LC00000000001\"}".getBytes(StandardCharsets.UTF_8);
    private static final String OTHER = "whsec_YmFuaGFvLXRlc3Qtd2ViaG9vay1zZWNyZXQtdHdvISE=";

    @Test
    void localModeWithoutSecretsTakesThePublishedLocalSecret() {
        WebhookVerifier verifier = new WebhookVerifier(config(Optional.empty()), new SimpleMeterRegistry(), new LocalMode(true));
        assertDoesNotThrow(() -> send(verifier, WebhookVerifier.LOCAL_SECRET));
    }

    @Test
    void outsideLocalModeWithoutSecretsEveryCallbackIsRefusedAndCounted() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        WebhookVerifier verifier = new WebhookVerifier(config(Optional.empty()), metrics, new LocalMode(false));
        ApiException e = assertThrows(ApiException.class, () -> send(verifier, WebhookVerifier.LOCAL_SECRET));
        assertEquals(PostalErrors.WEBHOOK_REFUSED, e.code());
        assertEquals(1.0, metrics.counter(WebhookVerifier.REFUSED_METRIC, "reason", "NO_SECRET").count());
    }

    @Test
    void configuredSecretsReplaceTheLocalOneAndEitherOfTwoSigns() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        WebhookVerifier verifier = new WebhookVerifier(config(Optional.of(List.of(PostalFixtures.TEST_SECRET, OTHER))), metrics,
                new LocalMode(true));
        assertDoesNotThrow(() -> send(verifier, PostalFixtures.TEST_SECRET));
        assertDoesNotThrow(() -> send(verifier, OTHER));
        assertThrows(ApiException.class, () -> send(verifier, WebhookVerifier.LOCAL_SECRET));
        assertEquals(1.0, metrics.counter(WebhookVerifier.REFUSED_METRIC, "reason", "BAD_SIGNATURE").count());
    }

    private static void send(WebhookVerifier verifier, String secret) {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        verifier.verify("msg-1", ts, StandardWebhooks.sign(secret, "msg-1", ts, BODY), BODY);
    }

    private static WebhookConfig config(Optional<List<String>> secrets) {
        return new WebhookConfig() {
            @Override
            public Optional<List<String>> secrets() {
                return secrets;
            }

            @Override
            public Duration tolerance() {
                return Duration.ofMinutes(5);
            }
        };
    }
}
