package app.banhao.postal;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/**
 * Sends a requested delivery to the carrier. The relay hands each request at least once and retries a failure with
 * backoff (then dead-letters it for an operator), so a carrier outage delays but never loses an order; the carrier
 * call is idempotent on the delivery id ({@code logisticsOrderNo}), so a retry after a timeout names the same parcel.
 * Once the waybill is known the delivery is ORDERED and {@link DeliveryOrdered} reaches the timeline and the inbox.
 */
@ApplicationScoped
public class DispatchToCarrier implements EventConsumer {

    /** What the parcel holds, as the waybill says (contentsAttribute 1: documents). */
    static final String CONTENTS = "政务服务办理结果（证照）";

    private final PostalDeliveryRepository deliveries;
    private final Carrier carrier;
    private final DataProtection crypto;
    private final Outbox outbox;
    private final BusinessClock clock;

    public DispatchToCarrier(PostalDeliveryRepository deliveries, Carrier carrier, DataProtection crypto, Outbox outbox,
            BusinessClock clock) {
        this.deliveries = deliveries;
        this.carrier = carrier;
        this.crypto = crypto;
        this.outbox = outbox;
        this.clock = clock;
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
        return deliveries.findForUpdate(requested.deliveryId()).chain(d -> {
            if (d == null || d.state != DeliveryState.REQUESTED) {
                return Uni.createFrom().voidItem();
            }
            Carrier.ParcelOrder order = new Carrier.ParcelOrder(d.id.toString(), d.applicationNo,
                    crypto.decrypt(d.recipientEnc), crypto.decrypt(d.phoneEnc), d.regionCode, crypto.decrypt(d.detailEnc),
                    CONTENTS);
            return carrier.createOrder(order).chain(waybill -> {
                d.state = DeliveryState.ORDERED;
                d.carrier = carrier.name();
                d.waybillNo = waybill;
                d.updatedAt = clock.now();
                return outbox.publish(new DeliveryOrdered(d.id, d.residentId, d.applicationNo, d.carrier, waybill, d.updatedAt));
            });
        });
    }
}
