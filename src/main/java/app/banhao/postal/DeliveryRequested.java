package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An approved case's result is to be posted: the carrier order waits in the outbox ({@link DispatchToCarrier}). */
public record DeliveryRequested(UUID deliveryId, String applicationNo, OffsetDateTime at) implements DeliveryEvent {

    public static final String TYPE = "PostalDeliveryRequested";

    @Override
    public String type() {
        return TYPE;
    }
}
