package app.banhao.postal;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.core.CaseEvent;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/**
 * On approval, a chosen postal delivery becomes a request to the carrier, in the same transaction as this delivery of
 * the event: the row moves to REQUESTED and {@link DeliveryRequested} joins the outbox, so the carrier call
 * ({@link DispatchToCarrier}) is retried by the relay and never lost. A redelivered approval finds it requested already.
 */
@ApplicationScoped
public class RequestOnApproval implements EventConsumer {

    private final PostalDeliveryRepository deliveries;
    private final Outbox outbox;
    private final BusinessClock clock;

    public RequestOnApproval(PostalDeliveryRepository deliveries, Outbox outbox, BusinessClock clock) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "postal-request";
    }

    @Override
    public boolean accepts(String type) {
        return CaseEvent.APPROVED.equals(type);
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        CaseEvent approved = event.as(CaseEvent.class);
        return deliveries.ofApplicationForUpdate(approved.applicationId()).chain(d -> {
            if (d == null || d.state != DeliveryState.AWAITING_RESULT) {
                return Uni.createFrom().voidItem();
            }
            d.state = DeliveryState.REQUESTED;
            d.updatedAt = clock.now();
            return outbox.publish(new DeliveryRequested(d.id, d.applicationNo, d.updatedAt));
        });
    }
}
