package app.banhao.video.console;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.AgentQueueEntry;
import app.banhao.api.model.VideoAppointmentState;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.video.appointment.Appointment;

/** Appointments as the department's agents see them: the resident masked, their description decrypted. */
@ApplicationScoped
public class AgentQueueMapper {

    private final DataProtection crypto;

    public AgentQueueMapper(DataProtection crypto) {
        this.crypto = crypto;
    }

    /** Called only with an appointment of the caller's own department (the description is decrypted for them alone). */
    public AgentQueueEntry entry(Appointment a, String residentName) {
        return new AgentQueueEntry().id(a.id).departmentCode(a.departmentCode).itemCode(a.itemCode).slotStart(a.slotStart)
                .slotEnd(a.slotEnd).description(crypto.decrypt(a.descriptionEnc))
                .state(VideoAppointmentState.fromValue(a.state.name())).residentName(residentName).agentStaffId(a.agentStaffId)
                .checkedInAt(a.checkedInAt).calledAt(a.calledAt).startedAt(a.startedAt).finishedAt(a.finishedAt)
                .missedAt(a.missedAt).version(a.version);
    }
}
