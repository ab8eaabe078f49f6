package app.banhao.video.appointment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxCommits;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Reminders in the resident's inbox the day before and shortly before a BOOKED or WAITING appointment. At least once
 * (the reminder and its event commit together, the outbox delivers the event at least once) and never twice per
 * appointment and kind: the recorded reminder is checked under the appointment's row lock and its key refuses a
 * second one.
 */
@ApplicationScoped
public class AppointmentReminders {

    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final ItemCatalog catalog;
    private final Outbox outbox;
    private final OutboxCommits commits;
    private final AppointmentSettings settings;
    private final BusinessClock clock;

    public AppointmentReminders(ItemCatalog catalog, Outbox outbox, OutboxCommits commits, AppointmentSettings settings,
            BusinessClock clock) {
        this.catalog = catalog;
        this.outbox = outbox;
        this.commits = commits;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends every reminder due now; how many. */
    public Uni<Integer> sendDue() {
        // The day-before one only for a slot more than an hour away: closer, the soon one says it.
        return send(AppointmentReminder.Kind.DAY_BEFORE, Duration.ofHours(1), settings.dayBeforeReminder())
                .chain(a -> send(AppointmentReminder.Kind.SOON, Duration.ZERO, settings.soonReminder()).map(b -> a + b));
    }

    private Uni<Integer> send(AppointmentReminder.Kind kind, Duration from, Duration to) {
        OffsetDateTime now = clock.now();
        return commits.commitThenDeliver(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                "from Appointment a where a.state in :open and a.slotStart > :from and a.slotStart <= :to"
                        + " and not exists (from AppointmentReminder r where r.appointmentId = a.id and r.kind = :kind)"
                        + " order by a.slotStart, a.id", Appointment.class)
                .setParameter("open", List.of(AppointmentState.BOOKED, AppointmentState.WAITING))
                .setParameter("from", now.plus(from)).setParameter("to", now.plus(to)).setParameter("kind", kind.name())
                .setMaxResults(AppointmentSweeps.BATCH).setLockMode("a", LockMode.UPGRADE_SKIPLOCKED).getResultList()
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(a -> {
                    AppointmentReminder sent = new AppointmentReminder();
                    sent.appointmentId = a.id;
                    sent.kind = kind.name();
                    sent.sentAt = now;
                    return catalog.any(a.itemCode).chain(item -> s.persist(sent).call(() -> outbox.publish(
                            new AppointmentReminded(a.id, a.residentId, kind.name(), item == null ? a.itemCode : item.name(),
                                    a.slotStart.atZoneSameInstant(BusinessClock.ZONE).format(SLOT), now))));
                }).collect().asList().map(List::size))));
    }
}
