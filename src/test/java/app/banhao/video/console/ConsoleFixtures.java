package app.banhao.video.console;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.time.BusinessClock;
import app.banhao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Video appointments as the agent console meets them: booked through the API in a department with a published
 * availability, then moved to "now" in the database (a slot that started a minute ago, checked in), since the API only
 * books slots at least an hour ahead and checks in near the slot start.
 */
public final class ConsoleFixtures {

    private static final String ADMIN = TestTokens.staff(UUID.randomUUID().toString(), "HN-ZWFW", TokenClaims.ADMIN);
    private static final Map<String, String[]> PUBLISHED = new ConcurrentHashMap<>();

    /** A resident's appointment: its id, the resident's id and a token of theirs (level L2, as booking needs). */
    public record Booked(String id, String residentId, String residentToken) {
    }

    private ConsoleFixtures() {
    }

    /** A fresh agent of {@code department}. */
    public static String agent(String department) {
        return TestTokens.staff(UUID.randomUUID().toString(), department, TokenClaims.AGENT);
    }

    /** A WAITING appointment of a new resident, slot started a minute ago. */
    public static Booked waiting(String department) {
        String token = app.banhao.testing.Logins.newResidentToken();
        String residentId = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("id");
        return waiting(department, residentId);
    }

    /** A WAITING appointment of resident {@code residentId}, slot started a minute ago. */
    public static Booked waiting(String department, String residentId) {
        String[] published = published(department);
        String l2 = TestTokens.resident(residentId, "L2");
        String id = given().auth().oauth2(l2).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("availabilityId", published[1], "slotStart", rfc3339(day().atTime(9, 0)
                        .atZone(BusinessClock.ZONE).toOffsetDateTime()), "itemCode", published[0],
                        "description", "想咨询材料准备 " + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/me/video-appointments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(l2).post("/api/v1/me/video-appointments/" + id + "/confirm").then().statusCode(200);
        sql("UPDATE video_appointment SET slot_start = now() - interval '1 minute', slot_end = now() + interval '14 minutes',"
                + " state = 'WAITING', checked_in_at = now() WHERE id = ?::uuid", id);
        return new Booked(id, residentId, l2);
    }

    /** Called by {@code agent}. */
    public static Booked called(String department, String agent) {
        Booked b = waiting(department);
        act(agent, b.id(), "call").then().statusCode(200);
        return b;
    }

    /** In session with {@code agent}. */
    public static Booked inSession(String department, String agent) {
        Booked b = called(department, agent);
        act(agent, b.id(), "start").then().statusCode(200);
        return b;
    }

    public static Response act(String agent, String id, String step) {
        return given().auth().oauth2(agent).post("/api/v1/staff/video-appointments/" + id + "/" + step);
    }

    public static Response view(String agent, String id, String view) {
        return given().auth().oauth2(agent).get("/api/v1/staff/video-appointments/" + id + "/" + view);
    }

    /** Runs one statement with string parameters against the app's database. */
    public static void sql(String statement, String... parameters) {
        try (Connection c = io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get().getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The department's item and availability (every day 09:00–12:00, 15-minute slots, room for everyone). */
    private static String[] published(String department) {
        return PUBLISHED.computeIfAbsent(department, code -> {
            ApplicationFixtures.Dept dept = ApplicationFixtures.department(code, false);
            String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("departmentCode", code, "itemCode", dept.item(),
                            "weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                            "windowStart", "09:00", "windowEnd", "12:00", "slotMinutes", 15, "capacity", 1000,
                            "opensDaysAhead", 30, "closesHoursBefore", 1,
                            "validFrom", LocalDate.now(BusinessClock.ZONE).minusDays(1).toString()))
                    .post("/api/v1/admin/video/availabilities").then().statusCode(201).extract().path("id");
            return new String[] {dept.item(), id};
        });
    }

    /** A day the booking rules accept (two working days ahead at least; the availability has every weekday). */
    private static LocalDate day() {
        LocalDate day = LocalDate.now(BusinessClock.ZONE).plusDays(2);
        var calendar = io.quarkus.arc.Arc.container().instance(app.banhao.platform.calendar.WorkingCalendar.class).get();
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static String rfc3339(OffsetDateTime t) {
        return t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
    }
}
