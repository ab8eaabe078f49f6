package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.CaseTimelineFact;

/**
 * The carrier accepted the order and issued a waybill: an entry of the case's timeline ({@code timeline.PARCEL_ORDERED})
 * and a message in the resident's inbox ({@code message.topic.PARCEL_ORDERED}).
 */
public record DeliveryOrdered(UUID deliveryId, UUID residentId, String applicationNo, String carrier, String waybillNo,
        OffsetDateTime at, DeliveryKind kind) implements CaseTimelineFact, DeliveryEvent {

    public static final String TYPE = "PostalDeliveryOrdered";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Entry caseTimeline() {
        return Entry.of(applicationNo, at, DeliveryKind.timelineKind(kind, "ORDERED"), ActorKind.SYSTEM, carrier, carrier, waybillNo);
    }
}
