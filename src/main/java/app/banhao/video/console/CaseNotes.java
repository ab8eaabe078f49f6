package app.banhao.video.console;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.VideoCaseNote;
import app.banhao.api.model.VideoCaseNoteList;
import app.banhao.api.model.VideoSessionOutcome;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.time.BusinessClock;
import app.banhao.staff.StaffDirectory;
import app.banhao.video.appointment.Appointment;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Case notes on a video appointment: the department's working record, read by its agents and never by the resident
 * (like the internal notes on an application, they may judge the resident's case in words meant for colleagues; what
 * the resident is owed comes through the application's own timeline and inbox). The text is stored encrypted.
 */
@ApplicationScoped
public class CaseNotes {

    /** Who wrote a note when the agent has no staff account behind the token (service accounts, tests). */
    static final String UNNAMED_AGENT = "坐席";

    private final CaseNoteRepository notes;
    private final AgentAppointments found;
    private final StaffDirectory staff;
    private final DataProtection crypto;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public CaseNotes(CaseNoteRepository notes, AgentAppointments found, StaffDirectory staff, DataProtection crypto,
            AuditTrail audit, BusinessClock clock) {
        this.notes = notes;
        this.found = found;
        this.staff = staff;
        this.crypto = crypto;
        this.audit = audit;
        this.clock = clock;
    }

    @WithSession
    public Uni<VideoCaseNoteList> list(String department, UUID id) {
        return found.read(department, id).chain(a -> notes.of(a.id))
                .map(list -> new VideoCaseNoteList().items(list.stream().map(this::view).toList()));
    }

    /**
     * A note by an agent of the department: while the resident is CALLED or IN_SESSION only by the session's agent,
     * afterwards (FINISHED, MISSED) by any of them; before the call there is no session to note (409).
     */
    @WithTransaction
    public Uni<VideoCaseNote> add(String department, UUID agent, UUID id, String text) {
        return found.read(department, id).chain(a -> {
            switch (a.state) {
                case CALLED, IN_SESSION -> AgentAppointments.requireAgent(a, agent);
                case FINISHED, MISSED -> {
                    // the session is over: any agent of the department may add to the record
                }
                default -> throw ApiException.of(ConsoleErrors.VIDEO_SESSION_NOT_OPEN, a.state.name());
            }
            return write(a, agent, text, null).call(note -> audit.record(AuditEvent.of("video.case-note")
                    .target("video-appointment", a.id.toString()).details(Map.of("note", note.id.toString()))));
        }).map(this::view);
    }

    /** Writes a note in the caller's transaction; {@code outcome} set when it is the note that finished the session. */
    Uni<CaseNote> write(Appointment a, UUID agent, String text, String outcome) {
        return staff.member(agent).chain(member -> {
            CaseNote note = new CaseNote();
            note.id = UUID.randomUUID();
            note.appointmentId = a.id;
            note.departmentCode = a.departmentCode;
            note.authorStaffId = agent;
            note.authorName = member == null ? UNNAMED_AGENT : member.displayName();
            note.outcome = outcome;
            note.textEnc = crypto.encrypt(text == null ? "" : text.strip());
            note.createdAt = clock.now();
            return notes.persist(note);
        });
    }

    private VideoCaseNote view(CaseNote n) {
        return new VideoCaseNote().id(n.id).appointmentId(n.appointmentId).text(crypto.decrypt(n.textEnc))
                .outcome(n.outcome == null ? null : VideoSessionOutcome.fromValue(n.outcome)).authorStaffId(n.authorStaffId)
                .authorName(n.authorName).createdAt(n.createdAt);
    }
}
