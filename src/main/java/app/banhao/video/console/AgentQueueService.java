package app.banhao.video.console;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.AgentQueue;
import app.banhao.api.model.AgentQueueEntry;
import app.banhao.api.model.VideoSessionFinish;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.Transactions;
import app.banhao.resident.Residents;
import app.banhao.video.appointment.Appointment;
import app.banhao.video.appointment.AppointmentState;
import app.banhao.video.appointment.AppointmentStates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The agent's side of the appointment state machine: today's queue of the department, calling (WAITING → CALLED),
 * starting (CALLED → IN_SESSION), finishing and marking missed. Every move goes through {@link AppointmentStates} under
 * a row lock and is audited. Only residents who checked in are called: a BOOKED resident has not said they are at
 * their screen, and the machine has no BOOKED → CALLED move; one who never checks in becomes a no-show after the slot
 * (or is marked missed here).
 */
@ApplicationScoped
public class AgentQueueService {

    /** The states of today's queue: still to be served. */
    static final List<AppointmentState> QUEUED = List.of(AppointmentState.BOOKED, AppointmentState.WAITING,
            AppointmentState.CALLED, AppointmentState.IN_SESSION);

    private final AgentAppointments found;
    private final AgentQueueMapper mapper;
    private final CaseNotes notes;
    private final Residents residents;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public AgentQueueService(AgentAppointments found, AgentQueueMapper mapper, CaseNotes notes, Residents residents,
            AuditTrail audit, BusinessClock clock) {
        this.found = found;
        this.mapper = mapper;
        this.notes = notes;
        this.residents = residents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today's open appointments of the department, in slot order (then check-in order). */
    @WithSession
    public Uni<AgentQueue> queue(String department) {
        OffsetDateTime from = clock.today().atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        return Panache.getSession().chain(s -> s.createSelectionQuery("from Appointment where departmentCode = :department"
                + " and slotStart >= :from and slotStart < :to and state in :states order by slotStart, checkedInAt, id",
                Appointment.class).setParameter("department", department).setParameter("from", from)
                .setParameter("to", from.plusDays(1)).setParameter("states", QUEUED).getResultList())
                .chain(list -> Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(this::entry)
                        .collect().asList())
                .map(items -> new AgentQueue().items(items));
    }

    /** WAITING → CALLED for the earliest waiting resident of today; 409 {@code VIDEO_QUEUE_EMPTY} when there is none. */
    public Uni<AgentQueueEntry> callNext(String department, UUID agent) {
        OffsetDateTime from = clock.today().atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        return Transactions.retryingConflicts(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                "select id from Appointment where departmentCode = :department and slotStart >= :from and slotStart < :to"
                        + " and state = :waiting order by slotStart, checkedInAt, id", UUID.class)
                .setParameter("department", department).setParameter("from", from).setParameter("to", from.plusDays(1))
                .setParameter("waiting", AppointmentState.WAITING).setMaxResults(1).getSingleResultOrNull())
                .chain(id -> {
                    if (id == null) {
                        throw ApiException.of(ConsoleErrors.VIDEO_QUEUE_EMPTY);
                    }
                    return moveInTransaction(department, id, "call", (a, now) -> call(a, agent, now)).chain(this::entry);
                }));
    }

    public Uni<AgentQueueEntry> call(String department, UUID agent, UUID id) {
        return move(department, id, "call", (a, now) -> call(a, agent, now));
    }

    /** CALLED → IN_SESSION, by the agent who called. */
    public Uni<AgentQueueEntry> start(String department, UUID agent, UUID id) {
        return move(department, id, "start", (a, now) -> {
            if (a.state == AppointmentState.CALLED) {
                AgentAppointments.requireAgent(a, agent);
            }
            AppointmentStates.move(a, AppointmentState.IN_SESSION, now);
        });
    }

    /** IN_SESSION → FINISHED by the session's agent, the outcome (and note) kept as a case note. */
    public Uni<AgentQueueEntry> finish(String department, UUID agent, UUID id, VideoSessionFinish finish) {
        return Transactions.retryingConflicts(() -> moveInTransaction(department, id, "finish", (a, now) -> {
            if (a.state == AppointmentState.IN_SESSION) {
                AgentAppointments.requireAgent(a, agent);
            }
            AppointmentStates.move(a, AppointmentState.FINISHED, now);
        }).call(a -> notes.write(a, agent, finish.getNote(), finish.getOutcome().toString())).chain(this::entry));
    }

    /** BOOKED, WAITING or CALLED → MISSED: the resident did not answer. */
    public Uni<AgentQueueEntry> missed(String department, UUID agent, UUID id) {
        return move(department, id, "missed", (a, now) -> {
            if (a.state == AppointmentState.CALLED) {
                AgentAppointments.requireAgent(a, agent);
            }
            AppointmentStates.move(a, AppointmentState.MISSED, now);
        });
    }

    private static void call(Appointment a, UUID agent, OffsetDateTime now) {
        AppointmentStates.move(a, AppointmentState.CALLED, now);
        a.agentStaffId = agent;
    }

    private Uni<AgentQueueEntry> move(String department, UUID id, String action, BiConsumer<Appointment, OffsetDateTime> step) {
        return Transactions.retryingConflicts(() -> moveInTransaction(department, id, action, step).chain(this::entry));
    }

    private Uni<Appointment> moveInTransaction(String department, UUID id, String action,
            BiConsumer<Appointment, OffsetDateTime> step) {
        return found.forUpdate(department, id).chain(a -> {
            AppointmentState before = a.state;
            step.accept(a, clock.now());
            return audit.record(AuditEvent.of("video.session." + action).target("video-appointment", a.id.toString())
                    .details(Map.of("from", before.name(), "to", a.state.name())))
                    .chain(() -> Panache.getSession().chain(s -> s.flush())).replaceWith(a);
        });
    }

    private Uni<AgentQueueEntry> entry(Appointment a) {
        return residents.summary(a.residentId)
                .map(r -> mapper.entry(a, r == null ? "—" : r.displayName()));
    }
}
