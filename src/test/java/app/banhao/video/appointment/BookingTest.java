package app.banhao.video.appointment;

import static app.banhao.video.appointment.VideoFixtures.at;
import static app.banhao.video.appointment.VideoFixtures.book;
import static app.banhao.video.appointment.VideoFixtures.residentToken;
import static app.banhao.video.appointment.VideoFixtures.slots;
import static app.banhao.video.appointment.VideoFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Publishing availability, listing free slots (cached, recomputed at once) and the resident's booking steps. */
@QuarkusTest
class BookingTest {

    @Inject
    WorkingCalendar calendar;

    @Test
    void aPublishedWindowListsItsSlotsAndABookingTakesAPlaceAtOnce() {
        VideoFixtures.Setup setup = VideoFixtures.publish(2);
        LocalDate day = VideoFixtures.bookableDay(calendar);
        String etag = slots(setup, day).then().statusCode(200)
                .body("slots", hasSize(12))
                .body("slots[0].free", equalTo(2)).body("slots[11].capacity", equalTo(2))
                .extract().header("ETag");
        assertEquals(at(day, 9, 0).toInstant(), instant(slots(setup, day).then().extract().path("slots[0].start")));
        given().header("If-None-Match", etag).queryParam("date", day.toString())
                .get("/api/v1/video/departments/" + setup.department() + "/slots").then().statusCode(304);

        String resident = residentToken();
        String id = book(resident, setup, at(day, 9, 0)).then().statusCode(201)
                .body("state", equalTo("HELD")).body("holdExpiresAt", notNullValue())
                .body("description", equalTo("想咨询材料准备")).extract().path("id");
        slots(setup, day).then().statusCode(200).body("slots[0].free", equalTo(1)).header("ETag", not(equalTo(etag)));

        step(resident, id, "confirm").then().statusCode(200).body("state", equalTo("BOOKED"))
                .body("bookedAt", notNullValue()).body("holdExpiresAt", nullValue());
        step(resident, id, "confirm").then().statusCode(200).body("state", equalTo("BOOKED"));
        given().auth().oauth2(resident).get("/api/v1/me/video-appointments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(resident).get("/api/v1/me/video-appointments/" + id).then().statusCode(200)
                .body("state", equalTo("BOOKED"));

        String moved = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body(Map.of("availabilityId", setup.availabilityId(), "slotStart", VideoFixtures.rfc3339(at(day, 10, 0))))
                .post("/api/v1/me/video-appointments/" + id + "/move").then().statusCode(200)
                .body("state", equalTo("BOOKED")).extract().path("slotStart");
        assertEquals(at(day, 10, 0).toInstant(), instant(moved));
        slots(setup, day).then().body("slots[0].free", equalTo(2)).body("slots[4].free", equalTo(1));

        step(resident, id, "check-in").then().statusCode(409).body("code", equalTo("CHECK_IN_NOT_OPEN"));
        step(resident, id, "cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        step(resident, id, "cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        slots(setup, day).then().body("slots[4].free", equalTo(2));
    }

    @Test
    void oneOpenBookingPerItemTheLevelAndTheSlotGridAreEnforced() {
        VideoFixtures.Setup setup = VideoFixtures.publish(5);
        LocalDate day = VideoFixtures.bookableDay(calendar);
        String resident = residentToken();
        String first = book(resident, setup, at(day, 9, 15)).then().statusCode(201).extract().path("id");
        book(resident, setup, at(day, 9, 30)).then().statusCode(409).body("code", equalTo("APPOINTMENT_ALREADY_OPEN"))
                .body("detail", org.hamcrest.Matchers.containsString(first));

        book(TestTokens.resident(UUID.randomUUID().toString(), "L1"), setup, at(day, 9, 30)).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        book(residentToken(), setup, at(day, 9, 20)).then().statusCode(422).body("code", equalTo("SLOT_NOT_BOOKABLE"));
        book(residentToken(), setup, at(day, 12, 0)).then().statusCode(422).body("code", equalTo("SLOT_NOT_BOOKABLE"));
        book(residentToken(), setup, at(day.plusDays(60), 9, 0)).then().statusCode(422).body("code", equalTo("SLOT_NOT_BOOKABLE"));

        String other = residentToken();
        step(other, first, "confirm").then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/me/video-appointments/" + first).then().statusCode(404);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstBookingAndTakesOnePlace() {
        VideoFixtures.Setup setup = VideoFixtures.publish(3);
        LocalDate day = VideoFixtures.bookableDay(calendar);
        String resident = residentToken();
        Map<String, Object> body = bookingOf(setup, day, 11, 0, "重复提交");
        String key = UUID.randomUUID().toString();
        String a = bookWithKey(resident, body, key).then().statusCode(201).extract().path("id");
        String b = bookWithKey(resident, body, key).then().statusCode(201).extract().path("id");
        assertEquals(a, b);
        slots(setup, day).then().body("slots[8].free", equalTo(2));
    }

    /**
     * Retries of one booking sent at once: the first takes the key's lock and books; the others wait on that lock and
     * then find the first's record (Idempotency.Check). Without the key's lock they looked before the first committed
     * and met its appointment in a later statement of their own: 409 APPOINTMENT_ALREADY_OPEN instead of the first answer.
     * One place is taken and every caller gets the first booking.
     */
    @Test
    void retriesOfOneBookingSentAtOnceAllAnswerTheFirstAndTakeOnePlace() throws Exception {
        VideoFixtures.Setup setup = VideoFixtures.publish(3);
        LocalDate day = VideoFixtures.bookableDay(calendar);
        String resident = residentToken();
        Map<String, Object> body = bookingOf(setup, day, 11, 30, "网络重试");
        String key = UUID.randomUUID().toString();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(callers.submit(() -> bookWithKey(resident, body, key)));
            }
            Set<String> ids = new HashSet<>();
            for (var answer : sent) {
                Response r = answer.get();
                assertEquals(201, r.statusCode(), r.asString());
                ids.add(r.jsonPath().getString("id"));
            }
            assertEquals(1, ids.size(), "every retry answers the first booking: " + ids);
        } finally {
            callers.shutdownNow();
        }
        slots(setup, day).then().body("slots[10].free", equalTo(2));
    }

    private static Map<String, Object> bookingOf(VideoFixtures.Setup setup, LocalDate day, int hour, int minute, String description) {
        return Map.of("availabilityId", setup.availabilityId(), "slotStart", VideoFixtures.rfc3339(at(day, hour, minute)),
                "itemCode", setup.item(), "description", description);
    }

    private static Response bookWithKey(String resident, Map<String, Object> body, String key) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/me/video-appointments").andReturn();
    }

    static java.time.Instant instant(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }
}
