package app.banhao.postal;

import java.util.UUID;

import app.banhao.platform.events.DomainEvent;

/** An event of one postal delivery: its events reach each consumer in the order they were written. */
public interface DeliveryEvent extends DomainEvent {

    String AGGREGATE = "postal-delivery";

    UUID deliveryId();

    @Override
    default String aggregateType() {
        return AGGREGATE;
    }

    @Override
    default String aggregateId() {
        return deliveryId().toString();
    }
}
