package app.banhao.video.appointment;

import static app.banhao.testing.OutboxSteps.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.platform.time.BusinessClock;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import app.banhao.testing.TestTokens;
import app.banhao.video.availability.Availability;
import app.banhao.video.availability.AvailabilityRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The appointments' clock, run by hand on rows written straight to PostgreSQL at the times each rule looks at: a hold
 * past its expiry expires, a booked appointment past its slot end plus grace is a no-show, three no-shows in 90 days
 * pause booking (403 naming the day it resumes), reminders reach the inbox once per kind however often the sweep
 * runs, and check-in opens only near the slot start.
 */
@QuarkusTest
class AppointmentSweepsTest {

    @Inject
    AppointmentSweeps sweeps;
    @Inject
    AppointmentReminders reminders;
    @Inject
    AppointmentRepository appointments;
    @Inject
    AvailabilityRepository availabilities;
    @Inject
    DataProtection crypto;
    @Inject
    OutboxRelay relay;
    @Inject
    WorkingCalendar calendar;

    @Test
    void expiredHoldsExpireAndNoShowsAreMissed() throws Exception {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        Availability window = window(now);
        Appointment staleHold = row(window, UUID.randomUUID(), now.plusDays(2), AppointmentState.HELD);
        staleHold.holdExpiresAt = now.minusMinutes(1);
        Appointment freshHold = row(window, UUID.randomUUID(), now.plusDays(2), AppointmentState.HELD);
        freshHold.holdExpiresAt = now.plusMinutes(4);
        Appointment gone = row(window, UUID.randomUUID(), now.minusMinutes(60), AppointmentState.BOOKED);
        Appointment justEnded = row(window, UUID.randomUUID(), now.minusMinutes(16), AppointmentState.WAITING);
        save(staleHold, freshHold, gone, justEnded);

        await(() -> sweeps.expireHolds());
        await(() -> sweeps.markNoShows());

        assertEquals(AppointmentState.EXPIRED, state(staleHold));
        assertEquals(AppointmentState.HELD, state(freshHold));
        assertEquals(AppointmentState.MISSED, state(gone));
        assertEquals(AppointmentState.WAITING, state(justEnded), "its slot ended 1 minute ago: within the 15 minutes' grace");
    }

    @Test
    void threeNoShowsInNinetyDaysPauseBookingForThirtyDays() throws Exception {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        Availability window = window(now);
        UUID resident = UUID.randomUUID();
        Appointment[] misses = new Appointment[3];
        for (int i = 0; i < 3; i++) {
            misses[i] = row(window, resident, now.minusDays(40 - i * 10L), AppointmentState.MISSED);
            misses[i].itemCode = "ITEM-" + i;
            misses[i].missedAt = misses[i].slotEnd.plusMinutes(15);
        }
        save(misses);
        VideoFixtures.Setup setup = VideoFixtures.publish(3);
        String resumes = misses[2].missedAt.plusDays(30).atZoneSameInstant(BusinessClock.ZONE).toLocalDate().toString();
        VideoFixtures.book(TestTokens.resident(resident.toString(), "L2"), setup,
                VideoFixtures.at(VideoFixtures.bookableDay(calendar), 9, 0))
                .then().statusCode(403).body("code", equalTo("BOOKING_PAUSED")).body("detail", containsString(resumes));
    }

    @Test
    void remindersReachTheInboxOncePerKindAndCheckInOpensNearTheStart() throws Exception {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        Availability window = window(now);
        // A resident who exists: the inbox keeps messages of known residents only.
        String token = Logins.newResidentToken();
        UUID resident = UUID.fromString(given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .extract().path("id"));
        Appointment tomorrow = row(window, resident, now.plusHours(20), AppointmentState.BOOKED);
        tomorrow.itemCode = "HN-WJW-GGCSWSXK";
        Appointment soon = row(window, resident, now.plusMinutes(10), AppointmentState.BOOKED);
        Appointment heldSoon = row(window, resident, now.plusMinutes(10), AppointmentState.HELD);
        heldSoon.itemCode = "OTHER";
        heldSoon.holdExpiresAt = now.plusMinutes(3);
        save(tomorrow, soon, heldSoon);

        await(() -> reminders.sendDue());
        await(() -> reminders.sendDue());
        OutboxSteps.drain(relay);

        given().auth().oauth2(token).get("/api/v1/me/messages").then().statusCode(200)
                .body("items", hasSize(2)) // one each: the soon one gets no day-before reminder, the second sweep sends nothing
                .body("items.title", org.hamcrest.Matchers.hasItems("明天有您预约的远程视频帮办", "您预约的远程视频帮办即将开始"))
                .body("items.body", org.hamcrest.Matchers.hasItem(containsString("公共场所卫生许可证核发")));

        VideoFixtures.step(token, tomorrow.id.toString(), "check-in").then().statusCode(409)
                .body("code", equalTo("CHECK_IN_NOT_OPEN"));
        VideoFixtures.step(token, soon.id.toString(), "check-in").then().statusCode(200)
                .body("state", equalTo("WAITING")).body("checkedInAt", org.hamcrest.Matchers.notNullValue());
        VideoFixtures.step(token, heldSoon.id.toString(), "check-in").then().statusCode(409)
                .body("code", equalTo("APPOINTMENT_STATE_CONFLICT"));
    }

    private Availability window(OffsetDateTime now) throws Exception {
        Availability a = AppointmentModelTest.availability(now);
        await(() -> Panache.withTransaction(() -> availabilities.persist(a)));
        return a;
    }

    private Appointment row(Availability window, UUID resident, OffsetDateTime start, AppointmentState state) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.residentId = resident;
        a.departmentCode = window.departmentCode;
        a.itemCode = "ITEM-" + a.id;
        a.availabilityId = window.id;
        a.slotStart = start;
        a.slotEnd = start.plusMinutes(15);
        a.descriptionEnc = crypto.encrypt("测试");
        a.state = state;
        a.createdAt = start.minusDays(1);
        a.updatedAt = a.createdAt;
        return a;
    }

    private void save(Appointment... rows) throws Exception {
        await(() -> Panache.withTransaction(() -> appointments.persist(List.of(rows))));
    }

    private AppointmentState state(Appointment a) throws Exception {
        return await(() -> Panache.withSession(() -> appointments.findById(a.id))).state;
    }
}
