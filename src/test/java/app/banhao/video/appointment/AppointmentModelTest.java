package app.banhao.video.appointment;

import static app.banhao.testing.OutboxSteps.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.video.availability.Availability;
import app.banhao.video.availability.AvailabilityRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The data model against the real PostgreSQL: the entities map onto the V800 tables, a place-taking count sees held
 * (until the hold runs out) and booked appointments, and the database refuses a second open appointment of one
 * resident for one item.
 */
@QuarkusTest
class AppointmentModelTest {

    @Inject
    AvailabilityRepository availabilities;
    @Inject
    AppointmentRepository appointments;

    @Test
    void placesTakenCountHeldUntilTheHoldRunsOutAndTheDatabaseKeepsOneOpenPerItem() throws Exception {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        Availability availability = availability(now);
        await(() -> Panache.withTransaction(() -> availabilities.persist(availability)));
        OffsetDateTime start = now.plusDays(2).truncatedTo(ChronoUnit.HOURS);
        UUID resident = UUID.randomUUID();
        Appointment held = appointment(availability, resident, "ITEM-A", start, now);
        held.holdExpiresAt = now.plusMinutes(5);
        Appointment booked = appointment(availability, UUID.randomUUID(), "ITEM-A", start, now);
        AppointmentStates.move(booked, AppointmentState.BOOKED, now);
        await(() -> Panache.withTransaction(() -> appointments.persist(held).chain(() -> appointments.persist(booked))));

        assertEquals(2L, await(() -> Panache.withSession(() -> appointments.takenIn(availability.id, start, now))));
        assertEquals(1L, await(() -> Panache.withSession(() -> appointments.takenIn(availability.id, start,
                now.plusMinutes(6)))), "a hold past its expiry no longer takes a place");
        assertEquals(AppointmentState.HELD,
                await(() -> Panache.withSession(() -> appointments.openOf(resident, "ITEM-A"))).state);

        Appointment second = appointment(availability, resident, "ITEM-A", start.plusHours(1), now);
        AppointmentStates.move(second, AppointmentState.BOOKED, now);
        Exception refused = assertThrows(Exception.class,
                () -> await(() -> Panache.withTransaction(() -> appointments.persist(second))));
        assertTrue(String.valueOf(refused.getMessage()).contains("video_appointment_open_per_item")
                || String.valueOf(refused.getCause()).contains("video_appointment_open_per_item"), refused.toString());
    }

    public static Availability availability(OffsetDateTime now) {
        Availability a = new Availability();
        a.id = UUID.randomUUID();
        a.departmentCode = "DEPT-" + a.id.toString().substring(0, 8);
        a.weekdays = 0b1111111;
        a.windowStart = LocalTime.of(9, 0);
        a.windowEnd = LocalTime.of(12, 0);
        a.slotMinutes = 15;
        a.capacity = 3;
        a.opensDaysAhead = 14;
        a.closesHoursBefore = 1;
        a.validFrom = LocalDate.now().minusDays(1);
        a.active = true;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    private static Appointment appointment(Availability availability, UUID resident, String item, OffsetDateTime start,
            OffsetDateTime now) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.residentId = resident;
        a.departmentCode = availability.departmentCode;
        a.itemCode = item;
        a.availabilityId = availability.id;
        a.slotStart = start;
        a.slotEnd = start.plusMinutes(availability.slotMinutes);
        a.descriptionEnc = new byte[] {1};
        a.state = AppointmentState.HELD;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }
}
