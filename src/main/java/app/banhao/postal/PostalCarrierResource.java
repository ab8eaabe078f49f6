package app.banhao.postal;

import jakarta.annotation.security.PermitAll;

import app.banhao.api.PostalCarrierApi;
import app.banhao.api.model.PostalTrackingEvent;
import app.banhao.api.model.PostalTrackingReceipt;
import io.smallrye.mutiny.Uni;

/** Carriers' tracking callbacks: no login, a Standard Webhooks signature instead ({@link WebhookSignatureFilter}). */
@SignedWebhook
public class PostalCarrierResource implements PostalCarrierApi {

    private final TrackingService tracking;

    public PostalCarrierResource(TrackingService tracking) {
        this.tracking = tracking;
    }

    @Override
    @PermitAll
    public Uni<PostalTrackingReceipt> receivePostalTrackingEvent(String webhookId, String webhookTimestamp,
            String webhookSignature, PostalTrackingEvent event) {
        return tracking.receive(webhookId, event);
    }
}
