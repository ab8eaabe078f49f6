package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.CaseTimelineFact;

/**
 * The carrier reported the parcel further along: an entry of the case's timeline ({@code timeline.PARCEL_<state>});
 * when DELIVERED also a message naming who signed ({@code message.topic.PARCEL_DELIVERED}).
 */
public record DeliveryProgressed(UUID deliveryId, UUID residentId, String applicationNo, String state, String waybillNo,
        String signer, OffsetDateTime at, DeliveryKind kind) implements CaseTimelineFact, DeliveryEvent {

    public static final String TYPE = "PostalDeliveryProgressed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Entry caseTimeline() {
        return Entry.of(applicationNo, at, DeliveryKind.timelineKind(kind, state), ActorKind.SYSTEM, "邮政寄递", waybillNo,
                signer == null ? "" : signer);
    }
}
