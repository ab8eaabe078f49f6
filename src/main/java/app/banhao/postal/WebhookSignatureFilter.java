package app.banhao.postal;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the Standard Webhooks signature over the exact bytes received, before the body is bound: a callback that is
 * unsigned, badly signed or stale never reaches the resource (401, counted by reason). Replays are the service's to
 * refuse, since that needs the database.
 */
public class WebhookSignatureFilter {

    private final WebhookVerifier verifier;

    public WebhookSignatureFilter(WebhookVerifier verifier) {
        this.verifier = verifier;
    }

    @ServerRequestFilter(readBody = true)
    @SignedWebhook
    public void verify(ContainerRequestContext request) throws IOException {
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        verifier.verify(request.getHeaderString("webhook-id"), request.getHeaderString("webhook-timestamp"),
                request.getHeaderString("webhook-signature"), body);
    }
}
