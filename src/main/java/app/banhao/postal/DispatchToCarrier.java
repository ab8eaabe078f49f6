package app.banhao.postal;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import io.smallrye.mutiny.Uni;

/**
 * Sends a requested delivery to the carrier ({@link ParcelDispatch}). The relay hands each request at least once and
 * retries a failure with backoff (then dead-letters it); a request still waiting after that is sent again by the
 * reconciliation sweep ({@link PostalReconciliation}), so a carrier outage delays but never loses an order.
 */
@ApplicationScoped
public class DispatchToCarrier implements EventConsumer {

    private final PostalDeliveryRepository deliveries;
    private final ParcelDispatch dispatch;

    public DispatchToCarrier(PostalDeliveryRepository deliveries, ParcelDispatch dispatch) {
        this.deliveries = deliveries;
        this.dispatch = dispatch;
    }

    @Override
    public String name() {
        return "postal-dispatch";
    }

    @Override
    public boolean accepts(String type) {
        return DeliveryRequested.TYPE.equals(type);
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        DeliveryRequested requested = event.as(DeliveryRequested.class);
        return deliveries.findForUpdate(requested.deliveryId()).chain(dispatch::dispatch);
    }
}
