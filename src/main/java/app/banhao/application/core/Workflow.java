package app.banhao.application.core;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxCommits;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.SqlStatement;
import app.banhao.platform.transaction.Transactions;
import io.smallrye.mutiny.Uni;

/**
 * The one place an application changes state: checks the edge against the state machine (409 naming the
 * current state), keeps the clock (stopped in 补正 and 特别程序; on restart the due date moves by the working
 * days it stood still), raises the version, records the change in the case's own history, and announces it
 * as a {@link CaseEvent} through the outbox in the caller's transaction (the inbox, live progress, the hot
 * ranking and the case timeline are its consumers). {@link #commitThenPublish} delivers what
 * it announced right after the commit, so the caller reads its own change at once.
 */
@ApplicationScoped
public class Workflow {

    /** Who acts: RESIDENT, STAFF or SYSTEM, with an id and the name the timeline shows. */
    public record Actor(String kind, String id, String display) {
    }

    /** The deadline and warning jobs, as the timeline shows them. */
    public static final Actor SYSTEM = new Actor("SYSTEM", null, "系统");

    private final WorkingCalendar calendar;
    private final ApplicationEventRepository events;
    private final Outbox outbox;
    private final OutboxCommits commits;
    private final ApplicationRepository applications;
    private final BusinessClock clock;

    public Workflow(WorkingCalendar calendar, ApplicationEventRepository events, Outbox outbox, OutboxCommits commits,
            ApplicationRepository applications, BusinessClock clock) {
        this.clock = clock;
        this.calendar = calendar;
        this.events = events;
        this.outbox = outbox;
        this.commits = commits;
        this.applications = applications;
    }

    /**
     * Runs {@code work} in a transaction and, once it committed, delivers the case events it wrote. A
     * transaction PostgreSQL ended over a deadlock or serialization failure runs again in a new session, a few
     * times ({@link Transactions#retryingConflicts}): bundles lock a parent and its children in both orders (a parent
     * withdrawn while a reviewer moves a child), and PostgreSQL resolves such a deadlock by failing one of the two.
     * {@code work} must start from nothing each time it is called.
     */
    public <T> Uni<T> commitThenPublish(Supplier<Uni<T>> work) {
        return commits.commitThenDeliver(work);
    }

    /** 409 naming the current state unless {@code t} may start from it. */
    public static void require(Application a, Transition t) {
        if (!t.allowedFrom(a.state)) {
            throw ApiException.of(ApplicationErrors.APPLICATION_STATE_CONFLICT, a.state.name());
        }
    }

    /** Moves {@code a} (locked by the caller) along {@code t}; the caller has set the transition's own fields. */
    public Uni<ApplicationEvents.StateChanged> apply(Application a, Transition t, Actor actor, String note) {
        Moved m = move(a, t);
        return record(a, actor, m.from(), m.to(), t.eventType(), note, m.at())
                .chain(() -> outbox.publish(CaseEvent.of(a, t, m.from(), m.to(), actor, note, m.at())))
                .call(() -> a.parentId == null ? Uni.createFrom().voidItem() : followParent(a.parentId))
                .map(x -> new ApplicationEvents.StateChanged(a.applicationNo, a.itemCode, m.from(), m.to(), t.eventType(), m.at(),
                        a.version, a.itemName));
    }

    /** A state change made to an application's fields: from, to, and when. */
    private record Moved(ApplicationStatus from, ApplicationStatus to, OffsetDateTime at) {
    }

    /** The fields {@code t} changes on {@code a}: the state, the clock, the decision's figures, the version. */
    private Moved move(Application a, Transition t) {
        require(a, t);
        ApplicationStatus from = a.state;
        ApplicationStatus to = t.target(a.resumeState);
        OffsetDateTime now = clock.now();
        LocalDate today = clock.today();
        if (from.stopsClock() && !to.stopsClock()) {
            restartClock(a, today);
        } else if (!from.stopsClock() && to.stopsClock()) {
            a.clockStoppedOn = today;
        }
        if (to.isFinal()) {
            a.decidedAt = now;
            a.decisionWorkingDays = workingDaysTaken(a, today);
        }
        a.state = to;
        touch(a, now);
        return new Moved(from, to, now);
    }

    /**
     * {@link #apply} as statements, for a writer that sends its statements itself: {@code a}'s fields are changed as
     * there, and the history row and the announcement are returned; the caller writes the row itself
     * ({@link ApplicationRepository#update}) and hands the result to {@link #deliver} after its commit. Not for a
     * bundle's child, whose parent follows it in {@link #apply}.
     */
    public Writes applyWrites(Application a, Transition t, Actor actor, String note) {
        if (a.parentId != null) {
            throw new IllegalStateException("A bundle's child changes through apply(), which moves its parent");
        }
        Moved m = move(a, t);
        return writes(historyRow(a, actor, m.from(), m.to(), t.eventType(), note, m.at()),
                CaseEvent.of(a, t, m.from(), m.to(), actor, note, m.at()));
    }

    /** {@link #remark} as statements, as {@link #applyWrites}. */
    public Writes remarkWrites(Application a, Actor actor, String type, String topic, String note, OffsetDateTime at) {
        return writes(historyRow(a, actor, null, null, topic, note, at), CaseEvent.remark(a, type, topic, actor, note, at));
    }

    private Writes writes(ApplicationEvent history, CaseEvent event) {
        Outbox.Publication announced = outbox.publication(event, commits.deliversAtCommit());
        List<SqlStatement> statements = new ArrayList<>(1 + announced.statements().size());
        statements.add(events.insert(history));
        statements.addAll(announced.statements());
        return new Writes(statements, announced.written() == null ? List.of() : List.of(announced.written()));
    }

    /**
     * 一件事: after a child changed, moves its parent (locked here, after the child) as {@link BundleSteps} says,
     * by the system, in the same transaction, announced like any other change.
     */
    private Uni<Void> followParent(UUID parentId) {
        return applications.find("id", parentId).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(parent -> parent == null ? Uni.createFrom().voidItem()
                        : applications.children(parent.id).chain(children -> {
                            Uni<Void> steps = Uni.createFrom().voidItem();
                            for (Transition t : BundleSteps.steps(parent.state, children)) {
                                steps = steps.chain(() -> {
                                    if (t == Transition.ACCEPT) {
                                        parent.acceptedAt = clock.now();
                                    }
                                    return apply(parent, t, BundleSteps.SYSTEM, BundleSteps.note(t, children));
                                }).replaceWithVoid();
                            }
                            return steps;
                        }));
    }

    /** {@code a} was just created as a DRAFT by {@code actor}: on its history and announced (the timeline's first entry). */
    public Uni<Void> drafted(Application a, Actor actor, String note, OffsetDateTime at) {
        return record(a, actor, null, ApplicationStatus.DRAFT, "CREATED", note, at)
                .chain(() -> outbox.publish(CaseEvent.drafted(a, actor, note, at)));
    }

    /**
     * Something said about {@code a} that changes nothing (秒批 left it to a reviewer, a material is overdue): on its
     * history and announced as {@code type}, the timeline's {@code topic}.
     */
    public Uni<Void> remark(Application a, Actor actor, String type, String topic, String note, OffsetDateTime at) {
        return record(a, actor, null, null, topic, note, at)
                .chain(() -> outbox.publish(CaseEvent.remark(a, type, topic, actor, note, at)));
    }

    /**
     * {@link #drafted} as statements, for a writer that sends its statements itself: the row of {@code a}, its history
     * and its announcement, in that order (what {@link #drafted} and the caller's persist write through Hibernate). After
     * the commit the caller hands the result to {@link #deliver}, as {@link #commitThenPublish} does itself.
     */
    public Writes draftedWrites(Application a, Actor actor, String note, OffsetDateTime at) {
        Writes announced = writes(historyRow(a, actor, null, ApplicationStatus.DRAFT, "CREATED", note, at),
                CaseEvent.drafted(a, actor, note, at));
        List<SqlStatement> statements = new ArrayList<>(1 + announced.statements().size());
        statements.add(applications.insert(a));
        statements.addAll(announced.statements());
        return new Writes(statements, announced.written());
    }

    /**
     * What the {@code ...Writes} methods give: the statements, and the events to deliver after the commit, in the order
     * they were written.
     */
    public record Writes(List<SqlStatement> statements, List<PublishedEvent> written) {

        /** These writes, then {@code later}'s. */
        public Writes and(Writes later) {
            List<SqlStatement> both = new ArrayList<>(statements.size() + later.statements().size());
            both.addAll(statements);
            both.addAll(later.statements());
            List<PublishedEvent> events = new ArrayList<>(written.size() + later.written().size());
            events.addAll(written);
            events.addAll(later.written());
            return new Writes(both, events);
        }
    }

    /** Delivers what {@code writes} announced, once the transaction that sent its statements committed. */
    public Uni<Void> deliver(Writes writes) {
        return commits.deliver(writes.written());
    }

    /** One row of the case's own history, which the public progress lookup reads. */
    private Uni<Void> record(Application a, Actor actor, ApplicationStatus from, ApplicationStatus to, String type, String note,
            OffsetDateTime at) {
        return events.persist(historyRow(a, actor, from, to, type, note, at)).replaceWithVoid();
    }

    private static ApplicationEvent historyRow(Application a, Actor actor, ApplicationStatus from, ApplicationStatus to, String type,
            String note, OffsetDateTime at) {
        ApplicationEvent e = new ApplicationEvent();
        e.id = UUID.randomUUID();
        e.applicationId = a.id;
        e.at = at;
        e.actorKind = actor.kind();
        e.actorId = actor.id();
        e.actorDisplay = actor.display();
        e.fromState = from;
        e.toState = to;
        e.type = type;
        e.note = note;
        return e;
    }

    /** Any change of the application (a material, the form) raises its version. */
    public static void touch(Application a, OffsetDateTime now) {
        a.updatedAt = now;
        a.version++;
    }

    private void restartClock(Application a, LocalDate today) {
        int stood = calendar.workingDaysBetween(a.clockStoppedOn, today);
        if (a.dueDate != null) {
            a.dueDate = calendar.addWorkingDays(a.dueDate, stood);
        }
        a.stoppedWorkingDays += stood;
        a.clockStoppedOn = null;
    }

    /**
     * Working days a case decided on {@code decidedOn} took since its submission day, net of the days its clock stood
     * still (all counted into {@code stoppedWorkingDays} by then); null if it was never submitted.
     */
    public Integer workingDaysTaken(Application a, LocalDate decidedOn) {
        return a.submittedAt == null ? null
                : workingDaysTaken(calendar.workingDaysBetween(businessDay(a.submittedAt), decidedOn), a.stoppedWorkingDays);
    }

    /** Working days a decided case took: those in (submitted, decided], less the ones its clock stood still. */
    public static int workingDaysTaken(int workingDaysBetween, int stoppedDays) {
        return Math.max(0, workingDaysBetween - stoppedDays);
    }

    /** The business day (Asia/Shanghai) an instant falls on: the day due dates count from. */
    public static LocalDate businessDay(OffsetDateTime at) {
        return at.atZoneSameInstant(BusinessClock.ZONE).toLocalDate();
    }

    /**
     * The promise as it stands today: the due date, moved on while the clock is stopped by the working days it has
     * stood still so far (as if it restarted today).
     */
    public LocalDate promisedCompletion(Application a) {
        return a.clockStoppedOn == null ? a.dueDate : addWorkingDays(a.dueDate, stoppedSoFar(a));
    }

    /** Working days the clock has stood still in the current stop, as of today (0 while it runs). */
    public int stoppedSoFar(Application a) {
        return a.clockStoppedOn == null ? 0 : calendar.workingDaysBetween(a.clockStoppedOn, clock.today());
    }

    public LocalDate addWorkingDays(LocalDate from, int days) {
        return calendar.addWorkingDays(from, days);
    }

    /** Signed working days from today to {@code day}: negative when it has passed. */
    public int workingDaysUntil(LocalDate day) {
        LocalDate today = clock.today();
        return day.isBefore(today) ? -calendar.workingDaysBetween(day, today) : calendar.workingDaysBetween(today, day);
    }
}
