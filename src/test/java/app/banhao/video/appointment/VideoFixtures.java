package app.banhao.video.appointment;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.testing.OutboxSteps;
import app.banhao.testing.TestTokens;
import app.banhao.testing.access.Target;
import app.banhao.video.availability.Availability;
import app.banhao.video.availability.AvailabilityRepository;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A department with one item and a published availability, and the calls the appointment tests (and the access
 * matrix) share.
 */
public final class VideoFixtures {

    public static final String ADMIN = TestTokens.staff(UUID.randomUUID().toString(), "HN-ZWFW", TokenClaims.ADMIN);

    /** A fresh department, its item and an availability of every day 09:00–12:00, 15-minute slots. */
    public record Setup(String department, String item, String availabilityId) {
    }

    private VideoFixtures() {
    }

    public static Setup publish(int capacity) {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(availability(dept.code(), capacity))
                .post("/api/v1/admin/video/availabilities").then().statusCode(201).extract().path("id");
        return new Setup(dept.code(), dept.item(), id);
    }

    public static Map<String, Object> availability(String department, int capacity) {
        return Map.of("departmentCode", department,
                "weekdays", java.util.List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "windowStart", "09:00", "windowEnd", "12:00", "slotMinutes", 15, "capacity", capacity,
                "opensDaysAhead", 30, "closesHoursBefore", 1, "validFrom", LocalDate.now(BusinessClock.ZONE).minusDays(1).toString());
    }

    /** The first working day at least two days ahead (slots there are bookable and not yet closing). */
    public static LocalDate bookableDay(WorkingCalendar calendar) {
        LocalDate day = LocalDate.now(BusinessClock.ZONE).plusDays(2);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BusinessClock.ZONE).toOffsetDateTime();
    }

    /**
     * A HELD appointment of resident {@code residentId} (booked through the API with an L2 token of theirs) and the
     * body that moves it a slot later: for the access matrix.
     */
    public static Target heldFor(String residentId) {
        Setup setup = publish(3);
        LocalDate day = bookableDay(Arc.container().instance(WorkingCalendar.class).get());
        var held = book(TestTokens.resident(residentId, "L2"), setup, at(day, 9, 0)).then().statusCode(201).extract();
        return Target.of(Map.of("appointmentId", held.path("id")), held.asString())
                .withBody("{\"availabilityId\":\"" + setup.availabilityId() + "\",\"slotStart\":\""
                        + rfc3339(at(day, 9, 15)) + "\"}");
    }

    /** A BOOKED appointment of {@code residentId} starting in ten minutes (check-in open), written straight to the database. */
    public static Target startingSoonFor(String residentId) {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Availability window = AppointmentModelTest.availability(now);
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.residentId = UUID.fromString(residentId);
        a.departmentCode = window.departmentCode;
        a.itemCode = "MATRIX-ITEM-" + a.id.toString().substring(0, 8); // one open appointment per item: each its own
        a.availabilityId = window.id;
        a.slotStart = now.plusMinutes(10);
        a.slotEnd = a.slotStart.plusMinutes(15);
        a.descriptionEnc = Arc.container().instance(DataProtection.class).get().encrypt("矩阵测试");
        a.state = AppointmentState.HELD;
        a.createdAt = now;
        a.updatedAt = now;
        AppointmentStates.move(a, AppointmentState.BOOKED, now);
        AvailabilityRepository windows = Arc.container().instance(AvailabilityRepository.class).get();
        AppointmentRepository rows = Arc.container().instance(AppointmentRepository.class).get();
        try {
            OutboxSteps.await(() -> Panache.withTransaction(() -> windows.persist(window).chain(() -> rows.persist(a))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Target.of(Map.of("appointmentId", a.id.toString()), "{\"id\":\"" + a.id + "\"}");
    }

    /** RFC 3339 with seconds ({@code OffsetDateTime.toString()} drops zero seconds, which RFC 3339 requires). */
    static String rfc3339(OffsetDateTime t) {
        return t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
    }

    static String residentToken() {
        return TestTokens.resident(UUID.randomUUID().toString(), "L2");
    }

    static Response book(String token, Setup setup, OffsetDateTime start) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("availabilityId", setup.availabilityId(), "slotStart", rfc3339(start),
                        "itemCode", setup.item(), "description", "想咨询材料准备"))
                .post("/api/v1/me/video-appointments");
    }

    static Response step(String token, String appointmentId, String step) {
        return given().auth().oauth2(token).post("/api/v1/me/video-appointments/" + appointmentId + "/" + step);
    }

    public static Response slots(Setup setup, LocalDate day) {
        return given().queryParam("date", day.toString()).get("/api/v1/video/departments/" + setup.department() + "/slots");
    }
}
