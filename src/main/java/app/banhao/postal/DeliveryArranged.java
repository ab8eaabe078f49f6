package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.CaseTimelineFact;

/**
 * A parcel arranged outside the result's own course: staff posting something to the resident
 * ({@code timeline.PARCEL_ARRANGED}, what it holds) or the resident booking a pick-up of their originals
 * ({@code timeline.PICKUP_BOOKED}, the window). The carrier order follows through {@link DeliveryRequested}.
 */
public record DeliveryArranged(UUID deliveryId, String applicationNo, DeliveryKind kind, CaseTimelineFact.ActorKind by,
        String actorName, String detail, OffsetDateTime at) implements CaseTimelineFact, DeliveryEvent {

    public static final String TYPE = "PostalDeliveryArranged";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Entry caseTimeline() {
        return Entry.of(applicationNo, at, kind.inbound() ? "PICKUP_BOOKED" : "PARCEL_ARRANGED", by, actorName, detail);
    }
}
