package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.DomainEvent;

/** An approved case's result is to be posted: the carrier order waits in the outbox ({@link DispatchToCarrier}). */
public record DeliveryRequested(UUID deliveryId, String applicationNo, OffsetDateTime at) implements DomainEvent {

    public static final String TYPE = "PostalDeliveryRequested";

    @Override
    public String aggregateType() {
        return DeliveryOrdered.AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return deliveryId.toString();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
