package app.banhao.video.appointment;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.VideoAppointment;
import app.banhao.api.model.VideoAppointmentState;
import app.banhao.platform.crypto.DataProtection;

@ApplicationScoped
public class AppointmentMapper {

    private final DataProtection crypto;

    public AppointmentMapper(DataProtection crypto) {
        this.crypto = crypto;
    }

    /** The resident's own view: their description in clear. */
    public VideoAppointment view(Appointment a) {
        return new VideoAppointment().id(a.id).departmentCode(a.departmentCode).itemCode(a.itemCode)
                .availabilityId(a.availabilityId).slotStart(a.slotStart).slotEnd(a.slotEnd)
                .description(crypto.decrypt(a.descriptionEnc)).state(VideoAppointmentState.fromValue(a.state.name()))
                .holdExpiresAt(a.state == AppointmentState.HELD ? a.holdExpiresAt : null).bookedAt(a.bookedAt)
                .checkedInAt(a.checkedInAt).calledAt(a.calledAt).startedAt(a.startedAt).finishedAt(a.finishedAt)
                .missedAt(a.missedAt).cancelledAt(a.cancelledAt).createdAt(a.createdAt).version(a.version);
    }
}
