package app.banhao.postal;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.local.LocalMode;
import io.micrometer.core.instrument.MeterRegistry;

/** Verifies carriers' callbacks against the configured secrets and counts every refusal by reason. */
@ApplicationScoped
public class WebhookVerifier {

    static final String REFUSED_METRIC = "banhao.postal.webhook.refused";
    /**
     * Local mode's secret when none is configured, so a local walk-through can sign callbacks (README); published here,
     * hence never used outside local mode, where no configured secret refuses every callback.
     */
    public static final String LOCAL_SECRET = "whsec_YmFuaGFvLWxvY2FsLXdlYmhvb2stc2VjcmV0LW9ubHk=";

    private final List<String> secrets;
    private final WebhookConfig config;
    private final MeterRegistry metrics;

    public WebhookVerifier(WebhookConfig config, MeterRegistry metrics, LocalMode local) {
        this.config = config;
        this.metrics = metrics;
        this.secrets = config.secrets().orElseGet(() -> local.on() ? List.of(LOCAL_SECRET) : List.of());
    }

    /** Passes a signed, fresh callback; the 401 problem (counted) otherwise. */
    public void verify(String id, String timestamp, String signatures, byte[] body) {
        StandardWebhooks.Refusal refusal = StandardWebhooks.refusal(id, timestamp, signatures, body,
                secrets, Instant.now(), config.tolerance());
        if (refusal != null) {
            throw refused(refusal);
        }
    }

    /** Counts the refusal and makes its 401 problem. */
    public ApiException refused(StandardWebhooks.Refusal refusal) {
        metrics.counter(REFUSED_METRIC, "reason", refusal.name()).increment();
        return ApiException.of(PostalErrors.WEBHOOK_REFUSED, refusal.name());
    }
}
