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
import app.banhao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A department with one item and a published availability, and the calls the appointment tests share. */
final class VideoFixtures {

    static final String ADMIN = TestTokens.staff(UUID.randomUUID().toString(), "HN-ZWFW", TokenClaims.ADMIN);

    /** A fresh department, its item and an availability of every day 09:00–12:00, 15-minute slots. */
    record Setup(String department, String item, String availabilityId) {
    }

    private VideoFixtures() {
    }

    static Setup publish(int capacity) {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(false);
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(availability(dept.code(), capacity))
                .post("/api/v1/admin/video/availabilities").then().statusCode(201).extract().path("id");
        return new Setup(dept.code(), dept.item(), id);
    }

    static Map<String, Object> availability(String department, int capacity) {
        return Map.of("departmentCode", department,
                "weekdays", java.util.List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "windowStart", "09:00", "windowEnd", "12:00", "slotMinutes", 15, "capacity", capacity,
                "opensDaysAhead", 30, "closesHoursBefore", 1, "validFrom", LocalDate.now(BusinessClock.ZONE).minusDays(1).toString());
    }

    /** The first working day at least two days ahead (slots there are bookable and not yet closing). */
    static LocalDate bookableDay(WorkingCalendar calendar) {
        LocalDate day = LocalDate.now(BusinessClock.ZONE).plusDays(2);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BusinessClock.ZONE).toOffsetDateTime();
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

    static Response slots(Setup setup, LocalDate day) {
        return given().queryParam("date", day.toString()).get("/api/v1/video/departments/" + setup.department() + "/slots");
    }
}
