package app.banhao.video.console;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.video.appointment.Appointment;
import app.banhao.video.appointment.AppointmentRepository;
import app.banhao.video.appointment.AppointmentState;
import io.smallrye.mutiny.Uni;

/**
 * How the console finds an appointment for an agent: only their own department's (another department's is 404, the
 * project's answer to cross-owner access, so nothing tells it exists), and, for what belongs to a session, only the
 * session's agent.
 */
@ApplicationScoped
public class AgentAppointments {

    private final AppointmentRepository appointments;

    public AgentAppointments(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    /** The department's appointment, locked to the end of the transaction; 404 for any other. */
    public Uni<Appointment> forUpdate(String department, UUID id) {
        return appointments.findForUpdate(id).map(a -> inDepartment(a, department));
    }

    /** The department's appointment, read only; 404 for any other. */
    public Uni<Appointment> read(String department, UUID id) {
        return appointments.findById(id).map(a -> inDepartment(a, department));
    }

    /** The appointment, when it is the open session (IN_SESSION) of {@code agent}: 403 another agent's, 409 not open. */
    public Uni<Appointment> openSession(String department, UUID agent, UUID id) {
        return read(department, id).map(a -> {
            requireAgent(a, agent);
            if (a.state != AppointmentState.IN_SESSION) {
                throw ApiException.of(ConsoleErrors.VIDEO_SESSION_NOT_OPEN, a.state.name());
            }
            return a;
        });
    }

    /** 403 {@code VIDEO_SESSION_NOT_YOURS} unless {@code agent} called the resident. */
    public static void requireAgent(Appointment a, UUID agent) {
        if (a.agentStaffId != null && !a.agentStaffId.equals(agent)) {
            throw ApiException.of(ConsoleErrors.VIDEO_SESSION_NOT_YOURS);
        }
        if (a.agentStaffId == null) {
            throw ApiException.of(ConsoleErrors.VIDEO_SESSION_NOT_OPEN, a.state.name());
        }
    }

    private static Appointment inDepartment(Appointment a, String department) {
        if (a == null || !a.departmentCode.equals(department)) {
            throw ApiException.of(ErrorCode.NOT_FOUND);
        }
        return a;
    }
}
