package app.banhao.postal;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/**
 * Orders a requested delivery from the carrier, whoever asks (the outbox relay, the reconciliation sweep of requests
 * left waiting): the carrier call is idempotent on the delivery id ({@code logisticsOrderNo}), so however often it is
 * made it names one parcel. With the waybill the delivery is ORDERED and {@link DeliveryOrdered} joins the outbox.
 * Runs in the caller's transaction, the delivery's row locked by the caller.
 */
@ApplicationScoped
public class ParcelDispatch {

    /** What the parcel holds, as the waybill says (contentsAttribute 1: documents). */
    static final String CONTENTS = "政务服务办理结果（证照）";
    /** What a pick-up holds. */
    static final String ORIGINALS = "政务服务办件材料原件";

    private final Carrier carrier;
    private final DataProtection crypto;
    private final Outbox outbox;
    private final BusinessClock clock;

    public ParcelDispatch(Carrier carrier, DataProtection crypto, Outbox outbox, BusinessClock clock) {
        this.carrier = carrier;
        this.crypto = crypto;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Orders {@code d} if it is still REQUESTED; nothing otherwise (another node or an earlier try got there). */
    public Uni<Void> dispatch(PostalDelivery d) {
        if (d == null || d.state != DeliveryState.REQUESTED) {
            return Uni.createFrom().voidItem();
        }
        Carrier.ParcelOrder order = new Carrier.ParcelOrder(d.orderNo(), d.applicationNo, crypto.decrypt(d.recipientEnc),
                crypto.decrypt(d.phoneEnc), d.regionCode, crypto.decrypt(d.detailEnc),
                d.contents != null ? d.contents : d.kind.inbound() ? ORIGINALS : CONTENTS,
                d.kind.inbound() ? new Carrier.PickupWindow(d.windowStart, d.windowEnd) : null);
        return carrier.createOrder(order).chain(waybill -> {
            d.state = DeliveryState.ORDERED;
            d.carrier = carrier.name();
            d.waybillNo = waybill;
            d.updatedAt = clock.now();
            return outbox.publish(new DeliveryOrdered(d.id, d.residentId, d.applicationNo, d.carrier, waybill, d.updatedAt, d.kind));
        });
    }
}
