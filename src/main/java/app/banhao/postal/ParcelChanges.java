package app.banhao.postal;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.events.CaseTimelineFact.ActorKind;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/**
 * Cancelling a delivery, or taking back its carrier order for a new address, until the courier has the parcel. An
 * order the carrier holds is cancelled there first, in the caller's transaction with the row locked: if the carrier
 * cannot be reached nothing changes (503, try again). Once picked up (or ended) it is 409 PARCEL_PICKED_UP.
 */
@ApplicationScoped
public class ParcelChanges {

    /** Before the courier has it: ours to change. */
    static final Set<DeliveryState> CHANGEABLE = EnumSet.of(DeliveryState.AWAITING_RESULT, DeliveryState.REQUESTED,
            DeliveryState.ORDERED);

    private final Carrier carrier;
    private final Outbox outbox;
    private final BusinessClock clock;

    public ParcelChanges(Carrier carrier, Outbox outbox, BusinessClock clock) {
        this.carrier = carrier;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** 409 unless the parcel is still ours to change. */
    static void requireChangeable(PostalDelivery d) {
        if (!CHANGEABLE.contains(d.state)) {
            throw ApiException.of(PostalErrors.PARCEL_PICKED_UP, d.state.name());
        }
    }

    /**
     * Cancels {@code d} (locked); a cancelled one stays as it is. Staff may also cancel a parcel stuck in EXCEPTION.
     */
    public Uni<PostalDelivery> cancel(PostalDelivery d, ActorKind by, String actorName, String reason) {
        if (d.state == DeliveryState.CANCELLED) {
            return Uni.createFrom().item(d);
        }
        if (!(by == ActorKind.STAFF && d.state == DeliveryState.EXCEPTION)) {
            requireChangeable(d);
        }
        return takeBack(d, reason).chain(() -> {
            d.state = DeliveryState.CANCELLED;
            d.updatedAt = clock.now();
            return outbox.publish(new DeliveryCancelled(d.id, d.applicationNo, d.waybillNo, by, actorName, d.updatedAt, d.kind));
        }).replaceWith(d);
    }

    /**
     * After the address of {@code d} (locked) changed: an order the carrier has is cancelled and requested again under
     * the next order number, so the new address is what gets posted.
     */
    public Uni<PostalDelivery> readdressed(PostalDelivery d) {
        requireChangeable(d);
        return d.state == DeliveryState.ORDERED ? reorder(d, "居民修改收件地址") : Uni.createFrom().item(d);
    }

    /**
     * Staff's retry: a parcel in EXCEPTION is cancelled at the carrier and ordered again under the next order number;
     * one still REQUESTED is requested again now (a fresh outbox event, even if the relay gave the first one up).
     */
    public Uni<PostalDelivery> retry(PostalDelivery d) {
        if (d.state == DeliveryState.EXCEPTION) {
            return reorder(d, "投递异常，重新下单");
        }
        if (d.state != DeliveryState.REQUESTED) {
            throw ApiException.of(PostalErrors.PARCEL_NOT_RETRYABLE, d.state.name());
        }
        d.updatedAt = clock.now();
        return outbox.publish(new DeliveryRequested(d.id, d.applicationNo, d.updatedAt)).replaceWith(d);
    }

    private Uni<PostalDelivery> reorder(PostalDelivery d, String reason) {
        return takeBack(d, reason).chain(() -> {
            d.orderSeq++;
            d.state = DeliveryState.REQUESTED;
            d.waybillNo = null;
            d.updatedAt = clock.now();
            return outbox.publish(new DeliveryRequested(d.id, d.applicationNo, d.updatedAt));
        }).replaceWith(d);
    }

    private Uni<Void> takeBack(PostalDelivery d, String reason) {
        return d.waybillNo != null ? carrier.cancelOrder(d.orderNo(), d.waybillNo, reason)
                : Uni.createFrom().voidItem();
    }
}
