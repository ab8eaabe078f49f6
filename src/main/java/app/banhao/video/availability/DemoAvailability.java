package app.banhao.video.availability;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.platform.local.LocalMode;
import app.banhao.platform.startup.StartupTask;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The demo department's video-service availability (README "Video appointments"), created at start-up in local mode
 * only, like the demo accounts, and only while the department has none: weekday mornings and afternoons, 15-minute
 * slots, two agents on duty, bookable 14 days ahead until an hour before; and, so that the README's walk-through
 * (book, check in, be called, join the room) works whenever a newcomer runs it, a window open round the clock every
 * day, days off included, in 5-minute slots bookable until they start: the next slot is always one the room opens for.
 */
@ApplicationScoped
public class DemoAvailability implements StartupTask {

    private static final int MONDAY_TO_FRIDAY = 0b0011111;
    private static final int EVERY_DAY = 0b1111111;

    private final boolean enabled;
    private final String department;
    private final AvailabilityRepository availabilities;
    private final BusinessClock clock;

    public DemoAvailability(LocalMode local,
            @ConfigProperty(name = "banhao.demo.enabled", defaultValue = "true") boolean wanted,
            @ConfigProperty(name = "banhao.demo.department", defaultValue = "HN-SCJ") String department,
            AvailabilityRepository availabilities, BusinessClock clock) {
        this.enabled = wanted && local.on();
        this.department = department;
        this.availabilities = availabilities;
        this.clock = clock;
    }

    @Override
    public Uni<Void> atStart() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> availabilities
                .count("departmentCode", department)
                .chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : availabilities.persist(window(LocalTime.of(9, 0), LocalTime.of(12, 0)))
                                .chain(() -> availabilities.persist(window(LocalTime.of(14, 0), LocalTime.of(17, 0))))
                                .chain(() -> availabilities.persist(roundTheClock()))
                                .invoke(() -> Log.infof("Demo video-service availability published for %s", department))
                                .replaceWithVoid()));
    }

    private Availability roundTheClock() {
        Availability a = window(LocalTime.MIDNIGHT, LocalTime.of(23, 55));
        a.slotMinutes = 5;
        a.weekdays = EVERY_DAY;
        a.onDaysOff = true;
        a.closesHoursBefore = 0;
        return a;
    }

    private Availability window(LocalTime start, LocalTime end) {
        OffsetDateTime now = clock.now();
        Availability a = new Availability();
        a.id = UUID.randomUUID();
        a.departmentCode = department;
        a.weekdays = MONDAY_TO_FRIDAY;
        a.windowStart = start;
        a.windowEnd = end;
        a.slotMinutes = 15;
        a.capacity = 2;
        a.opensDaysAhead = 14;
        a.closesHoursBefore = 1;
        a.validFrom = LocalDate.now(BusinessClock.ZONE);
        a.active = true;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }
}
