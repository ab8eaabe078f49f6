package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.CaseTimelineFact;

/** The resident (or staff) cancelled the postal delivery: an entry of the case's timeline ({@code timeline.PARCEL_CANCELLED}). */
public record DeliveryCancelled(UUID deliveryId, String applicationNo, String waybillNo, CaseTimelineFact.ActorKind by,
        String actorName, OffsetDateTime at, DeliveryKind kind) implements CaseTimelineFact, DeliveryEvent {

    public static final String TYPE = "PostalDeliveryCancelled";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Entry caseTimeline() {
        return Entry.of(applicationNo, at, DeliveryKind.timelineKind(kind, "CANCELLED"), by, actorName, waybillNo == null ? "—" : waybillNo);
    }
}
