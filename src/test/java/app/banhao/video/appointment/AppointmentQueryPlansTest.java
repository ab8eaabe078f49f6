package app.banhao.video.appointment;

import static app.banhao.video.appointment.VideoFixtures.at;
import static app.banhao.video.appointment.VideoFixtures.book;
import static app.banhao.video.appointment.VideoFixtures.residentToken;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.testing.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Booking reuses Hibernate's query plans: the slot's lock was a native select, which added a plan on every booking
 * ({@link QueryPlans}), so in a booking rush each one cost more than the one before.
 */
@QuarkusTest
class AppointmentQueryPlansTest {

    private static final int ROUNDS = 15;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    WorkingCalendar calendar;

    @Test
    void bookingsDoNotAddAQueryPlanEach() {
        VideoFixtures.Setup setup = VideoFixtures.publish(ROUNDS + 5);
        LocalDate day = VideoFixtures.bookableDay(calendar);
        book(residentToken(), setup, at(day, 9, 0)).then().statusCode(201); // first use: the plans it needs are made
        int before = QueryPlans.cached(sessions);
        for (int i = 0; i < ROUNDS; i++) {
            book(residentToken(), setup, at(day, 9, 0)).then().statusCode(201);
        }
        int added = QueryPlans.cached(sessions) - before;
        assertTrue(added < ROUNDS, ROUNDS + " bookings added " + added
                + " query plans: a statement on the booking path is not reusing its plan (a native select?)");
    }
}
