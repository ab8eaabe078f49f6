package app.banhao.video.appointment;

import static app.banhao.video.appointment.VideoFixtures.at;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.platform.transaction.SqlStatement;
import app.banhao.testing.CollectedSpans;
import app.banhao.testing.SameFields;
import app.banhao.testing.TestTokens;
import app.banhao.video.availability.Availability;
import app.banhao.video.availability.AvailabilityRepository;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A booking's own statements (issue 16): their number and round trips, counted from the request's trace; the
 * appointment and the window they write and read are the entities Hibernate writes and reads; and the audit line,
 * written inside the pool's transaction, still names the resident and the request.
 */
@QuarkusTest
class BookingStatementsTest {

    /**
     * The key's lock and lookup, the no-show check, the open appointment, the window's share lock and the places taken,
     * pipelined; then the slot's lock and the count again with the appointment, its audit line and the key's record
     * (written once with its answer: Idempotency.Check) as members of its {@code WITH}; and the transaction's
     * {@code SET LOCAL plan_cache_mode}, sent with begin (Transactions#GENERIC_PLANS). Ten statements in ten round trips
     * through Hibernate; 8 with the key claimed (a row written, then its answer written again as an update); 9 since the
     * key has a lock of its own (no row) and its record is written once.
     */
    static final int BOOK_BUDGET = 9;
    static final int BOOK_ROUND_TRIPS = 2;

    @Inject
    CollectedSpans spans;

    @Inject
    WorkingCalendar calendar;

    @Inject
    AppointmentRepository appointments;

    @Inject
    AvailabilityRepository windows;

    @Inject
    Pool pool;

    @Test
    void aBookingStaysWithinItsBudgetAndItsAuditLineNamesTheResident() {
        VideoFixtures.Setup setup = VideoFixtures.publish(5);
        LocalDate day = VideoFixtures.bookableDay(calendar);
        book(TestTokens.resident(UUID.randomUUID().toString(), "L2"), setup, at(day, 9, 0), CollectedSpans.newTraceId());
        String residentId = UUID.randomUUID().toString();
        String trace = CollectedSpans.newTraceId();
        String id = book(TestTokens.resident(residentId, "L2"), setup, at(day, 9, 15), trace);

        List<SpanData> sent = spans.statements(trace);
        System.out.printf("Statements: booking %d in %d round trips%n", sent.size(), CollectedSpans.roundTrips(sent));
        assertTrue(sent.size() > 3, "the statements were not seen: " + CollectedSpans.text(sent));
        assertTrue(sent.size() <= BOOK_BUDGET, "a booking sent " + sent.size() + " statements, budget " + BOOK_BUDGET + ":\n  "
                + CollectedSpans.text(sent));
        // The key's record is one row version: written once with its answer, not claimed and then answered.
        assertEquals(1, CollectedSpans.occurrences(sent, "INSERT INTO idempotency_record"), CollectedSpans.text(sent));
        assertEquals(0, CollectedSpans.occurrences(sent, "UPDATE idempotency_record"), CollectedSpans.text(sent));
        assertTrue(CollectedSpans.roundTrips(sent) <= BOOK_ROUND_TRIPS, "a booking's statements took "
                + CollectedSpans.roundTrips(sent) + " round trips, budget " + BOOK_ROUND_TRIPS + ":\n  " + CollectedSpans.text(sent));

        Row line = pool.preparedQuery("SELECT actor_type, actor_id, action, request_id, details::text FROM audit_log"
                + " WHERE target_type = 'video-appointment' AND target_id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
        assertEquals("resident", line.getString(0));
        assertEquals(residentId, line.getString(1));
        assertEquals("video.appointment.hold", line.getString(2));
        assertNotNull(line.getString(3), "the request's id");
        assertTrue(line.getString(4).contains(setup.department()), line.getString(4));
    }

    @Test
    void anAppointmentWrittenAndAWindowReadAsStatementsAreTheirEntities() throws Throwable {
        VideoFixtures.Setup setup = VideoFixtures.publish(4);
        UUID windowId = UUID.fromString(setup.availabilityId());
        Availability loaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> windows.findById(windowId)));
        loaded.itemCode = setup.item();
        loaded.validUntil = LocalDate.now().plusYears(1);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> windows.getSession()
                .chain(s -> s.merge(loaded))));
        Availability expected = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> windows.findById(windowId)));
        Availability read = pool.withTransaction(c -> SqlStatement.pipelined(c, List.of(windows.forBooking(windowId))))
                .map(r -> AvailabilityRepository.of(r.get(0).iterator().next())).await().indefinitely();
        SameFields.assertSameFields(expected, read);

        OffsetDateTime t = OffsetDateTime.of(2026, 12, 7, 1, 0, 0, 123_000_000, ZoneOffset.UTC);
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.residentId = UUID.randomUUID();
        a.departmentCode = setup.department();
        a.itemCode = setup.item();
        a.availabilityId = windowId;
        a.agentStaffId = UUID.randomUUID();
        a.slotStart = t;
        a.slotEnd = t.plusMinutes(15);
        a.descriptionEnc = new byte[] { 7, 8, 9 };
        a.state = AppointmentState.FINISHED;
        a.holdExpiresAt = t.minusMinutes(50);
        a.bookedAt = t.minusMinutes(40);
        a.checkedInAt = t.minusMinutes(5);
        a.calledAt = t.minusMinutes(1);
        a.startedAt = t;
        a.finishedAt = t.plusMinutes(12);
        a.missedAt = t.plusMinutes(13);
        a.cancelledAt = t.plusMinutes(14);
        a.createdAt = t.minusHours(1);
        a.updatedAt = t.plusMinutes(12);
        a.version = 4;
        pool.withTransaction(c -> SqlStatement.pipelined(c, List.of(appointments.insert(a)))).await().indefinitely();
        Appointment back = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> appointments.findById(a.id)));
        SameFields.assertSameFields(a, back);
    }

    private static String book(String token, VideoFixtures.Setup setup, OffsetDateTime start, String trace) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("traceparent", CollectedSpans.sampled(trace))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("availabilityId", setup.availabilityId(), "slotStart", VideoFixtures.rfc3339(start),
                        "itemCode", setup.item(), "description", "想咨询材料准备"))
                .post("/api/v1/me/video-appointments").then().statusCode(201).extract().path("id");
    }
}
