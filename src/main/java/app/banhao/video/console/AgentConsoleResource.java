package app.banhao.video.console;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.AgentConsoleApi;
import app.banhao.api.model.AgentQueue;
import app.banhao.api.model.AgentQueueEntry;
import app.banhao.api.model.ApplicationPage;
import app.banhao.api.model.AssistedResident;
import app.banhao.api.model.CertificatePage;
import app.banhao.api.model.VideoCaseNote;
import app.banhao.api.model.VideoCaseNoteCreate;
import app.banhao.api.model.VideoCaseNoteList;
import app.banhao.api.model.VideoSessionFinish;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/** The agent console (坐席工作台): the department is always the token's, so an agent reaches no other department's. */
@RolesAllowed(TokenClaims.AGENT)
public class AgentConsoleResource implements AgentConsoleApi {

    private final AgentQueueService queue;
    private final SessionViews views;
    private final CaseNotes notes;
    private final CurrentActor actor;

    public AgentConsoleResource(AgentQueueService queue, SessionViews views, CaseNotes notes, CurrentActor actor) {
        this.queue = queue;
        this.views = views;
        this.notes = notes;
        this.actor = actor;
    }

    @Override
    public Uni<AgentQueue> listAgentVideoQueue() {
        return queue.queue(department());
    }

    @Override
    public Uni<AgentQueueEntry> callNextVideoAppointment() {
        return queue.callNext(department(), actor.uuid());
    }

    @Override
    public Uni<AgentQueueEntry> callVideoAppointment(UUID appointmentId) {
        return queue.call(department(), actor.uuid(), appointmentId);
    }

    @Override
    public Uni<AgentQueueEntry> startVideoSession(UUID appointmentId) {
        return queue.start(department(), actor.uuid(), appointmentId);
    }

    @Override
    public Uni<AgentQueueEntry> finishVideoSession(UUID appointmentId, VideoSessionFinish finish) {
        return queue.finish(department(), actor.uuid(), appointmentId, finish);
    }

    @Override
    public Uni<AgentQueueEntry> markVideoAppointmentMissed(UUID appointmentId) {
        return queue.missed(department(), actor.uuid(), appointmentId);
    }

    @Override
    public Uni<AssistedResident> getAssistedResident(UUID appointmentId) {
        return views.resident(department(), actor.uuid(), appointmentId);
    }

    @Override
    public Uni<ApplicationPage> listAssistedResidentApplications(UUID appointmentId, String cursor, Integer limit) {
        return views.applications(department(), actor.uuid(), appointmentId, PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<CertificatePage> listAssistedResidentCertificates(UUID appointmentId, String cursor, Integer limit) {
        return views.certificates(department(), actor.uuid(), appointmentId, PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<VideoCaseNoteList> listVideoCaseNotes(UUID appointmentId) {
        return notes.list(department(), appointmentId);
    }

    @Override
    @SuccessStatus(201)
    public Uni<VideoCaseNote> addVideoCaseNote(UUID appointmentId, VideoCaseNoteCreate note) {
        return notes.add(department(), actor.uuid(), appointmentId, note.getText());
    }

    private String department() {
        return actor.requiredDepartment();
    }
}
