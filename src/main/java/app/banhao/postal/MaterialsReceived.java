package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.CaseTimelineFact;

/**
 * The department recorded a pick-up's originals as received: an entry of the case's timeline
 * ({@code timeline.MATERIALS_RECEIVED}) and a message in the resident's inbox ({@code message.topic.MATERIALS_RECEIVED}).
 */
public record MaterialsReceived(UUID deliveryId, UUID residentId, String applicationNo, String waybillNo, String actorName,
        OffsetDateTime at) implements CaseTimelineFact, DeliveryEvent {

    public static final String TYPE = "PostalMaterialsReceived";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Entry caseTimeline() {
        return Entry.of(applicationNo, at, "MATERIALS_RECEIVED", ActorKind.STAFF, actorName, waybillNo == null ? "—" : waybillNo);
    }
}
