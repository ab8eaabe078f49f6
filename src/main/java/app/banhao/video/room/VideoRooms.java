package app.banhao.video.room;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.VideoRoomToken;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.time.BusinessClock;
import app.banhao.resident.Residents;
import app.banhao.staff.StaffDirectory;
import app.banhao.video.appointment.Appointment;
import app.banhao.video.appointment.AppointmentRepository;
import app.banhao.video.appointment.AppointmentState;
import app.banhao.video.console.AgentAppointments;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Room tokens for the two people of a video session and no one else: the resident of the appointment and the agent who
 * called them. The room is named after the appointment; joining is open from {@link RoomSettings#joinBefore()} before
 * the slot start to {@link RoomSettings#grace()} after its end, in the states where the resident is still to be served
 * or being served, and no token outlives that window. Each token issued is audited.
 */
@ApplicationScoped
public class VideoRooms {

    static final Set<AppointmentState> JOINABLE = Set.of(AppointmentState.WAITING, AppointmentState.CALLED,
            AppointmentState.IN_SESSION);

    private final AppointmentRepository appointments;
    private final AgentAppointments agentAppointments;
    private final RtcProvider provider;
    private final RoomSettings settings;
    private final Residents residents;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public VideoRooms(AppointmentRepository appointments, AgentAppointments agentAppointments, RtcProvider provider,
            RoomSettings settings, Residents residents, StaffDirectory staff, AuditTrail audit, BusinessClock clock) {
        this.appointments = appointments;
        this.agentAppointments = agentAppointments;
        this.provider = provider;
        this.settings = settings;
        this.residents = residents;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** The room's name: derived from the appointment id alone, so both sides meet in it. */
    public static String roomOf(UUID appointmentId) {
        return "banhao-" + appointmentId;
    }

    /** The resident's token for their own appointment (another resident's is 404). */
    @WithTransaction
    public Uni<VideoRoomToken> forResident(UUID residentId, UUID id) {
        return appointments.findById(id).chain(a -> {
            if (a == null || !a.residentId.equals(residentId)) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            requireOpen(a);
            return residents.summary(residentId).chain(r -> issue(a, "resident-" + residentId,
                    r == null ? "居民" : r.displayName(), "resident"));
        });
    }

    /** The token of the agent who called the resident (another agent of the department: 403; another department: 404). */
    @WithTransaction
    public Uni<VideoRoomToken> forAgent(String department, UUID agent, UUID id) {
        return agentAppointments.read(department, id).chain(a -> {
            requireOpen(a);
            AgentAppointments.requireAgent(a, agent);
            return staff.member(agent).chain(m -> issue(a, "agent-" + agent, m == null ? "坐席" : m.displayName(), "agent"));
        });
    }

    private void requireOpen(Appointment a) {
        Instant now = clock.instant();
        Instant opens = a.slotStart.toInstant().minus(settings.joinBefore());
        Instant closes = closes(a);
        if (!JOINABLE.contains(a.state) || now.isBefore(opens) || now.isAfter(closes)) {
            throw ApiException.of(RoomErrors.VIDEO_ROOM_CLOSED, settings.joinBefore().toMinutes(), settings.grace().toMinutes());
        }
    }

    private Instant closes(Appointment a) {
        return a.slotEnd.toInstant().plus(settings.grace());
    }

    private Uni<VideoRoomToken> issue(Appointment a, String identity, String name, String side) {
        Instant now = clock.instant();
        Instant latest = now.plus(settings.tokenLife());
        Instant expires = latest.isBefore(closes(a)) ? latest : closes(a);
        RtcProvider.RoomAccess access = provider.mint(new RtcProvider.RoomGrant(roomOf(a.id), identity, name, true, true,
                now, expires));
        return audit.record(AuditEvent.of("video.room.join").target("video-appointment", a.id.toString())
                .details(Map.of("side", side, "provider", access.provider(), "expiresAt", expires.toString())))
                .map(x -> new VideoRoomToken().provider(VideoRoomToken.ProviderEnum.fromValue(access.provider()))
                        .url(access.url()).room(roomOf(a.id)).identity(identity).token(access.token())
                        .expiresAt(expires.atOffset(java.time.ZoneOffset.UTC)));
    }
}
