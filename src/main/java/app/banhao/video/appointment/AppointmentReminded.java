package app.banhao.video.appointment;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.ResidentNoticeFact;

/**
 * A reminder of an appointment, sent through the outbox to the resident's inbox (topic
 * {@code VIDEO_APPOINTMENT_<kind>}, worded in {@code i18n/inbox}: the item's name and the slot's start).
 */
public record AppointmentReminded(UUID appointmentId, UUID residentId, String kind, String itemName, String slot,
        OffsetDateTime at) implements ResidentNoticeFact {

    public static final String AGGREGATE = "video-appointment";

    @Override
    public String aggregateType() {
        return AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return appointmentId.toString();
    }

    @Override
    public Notice residentNotice() {
        return new Notice(residentId, "VIDEO_APPOINTMENT_" + kind, null, itemName, slot, at);
    }
}
