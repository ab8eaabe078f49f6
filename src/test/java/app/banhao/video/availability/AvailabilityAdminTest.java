package app.banhao.video.availability;

import static app.banhao.video.appointment.VideoFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.platform.time.BusinessClock;
import app.banhao.testing.TestTokens;
import app.banhao.video.appointment.VideoFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The ADMIN's side of availability: listing a department's windows, changing and retiring one. */
@QuarkusTest
class AvailabilityAdminTest {

    @Inject
    WorkingCalendar calendar;

    @Test
    void aChangedWindowIsListedAndItsSlotsFollowAtOnce() {
        VideoFixtures.Setup setup = VideoFixtures.publish(2);
        LocalDate day = VideoFixtures.bookableDay(calendar);
        VideoFixtures.slots(setup, day).then().statusCode(200).body("slots", hasSize(12));

        Map<String, Object> shorter = new HashMap<>(VideoFixtures.availability(setup.department(), 4));
        shorter.put("windowEnd", "10:00");
        update(setup.availabilityId(), shorter, "\"0\"").then().statusCode(200)
                .header("ETag", "\"1\"").body("windowEnd", equalTo("10:00")).body("capacity", equalTo(4))
                .body("onDaysOff", equalTo(false))
                .body("version", equalTo(1));
        VideoFixtures.slots(setup, day).then().statusCode(200).body("slots", hasSize(4))
                .body("slots[0].capacity", equalTo(4));

        given().auth().oauth2(ADMIN).queryParam("departmentCode", setup.department())
                .get("/api/v1/admin/video/availabilities").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(setup.availabilityId()))
                .body("items[0].windowEnd", equalTo("10:00")).body("items[0].active", equalTo(true));
    }

    @Test
    void aRetiredWindowStaysListedButOffersNoSlots() {
        VideoFixtures.Setup setup = VideoFixtures.publish(2);
        LocalDate day = VideoFixtures.bookableDay(calendar);
        Map<String, Object> retired = new HashMap<>(VideoFixtures.availability(setup.department(), 2));
        retired.put("active", false);
        update(setup.availabilityId(), retired, null).then().statusCode(200).body("active", equalTo(false));

        VideoFixtures.slots(setup, day).then().statusCode(200).body("slots", hasSize(0));
        given().auth().oauth2(ADMIN).queryParam("departmentCode", setup.department())
                .get("/api/v1/admin/video/availabilities").then().statusCode(200)
                .body("items.active", equalTo(List.of(false)));
    }

    @Test
    void aWindowServesTheCalendarsDaysOffOnlyWhenItSaysSo() {
        VideoFixtures.Setup setup = VideoFixtures.publish(2);
        LocalDate dayOff = LocalDate.now(BusinessClock.ZONE).plusDays(2);
        while (calendar.isWorkingDay(dayOff)) {
            dayOff = dayOff.plusDays(1);
        }
        VideoFixtures.slots(setup, dayOff).then().statusCode(200).body("slots", hasSize(0));

        Map<String, Object> weekendService = new HashMap<>(VideoFixtures.availability(setup.department(), 2));
        weekendService.put("onDaysOff", true);
        update(setup.availabilityId(), weekendService, null).then().statusCode(200).body("onDaysOff", equalTo(true));
        VideoFixtures.slots(setup, dayOff).then().statusCode(200).body("slots", hasSize(12));
    }

    @Test
    void aStaleVersionAnotherDepartmentOrAnUnknownWindowIsRefused() {
        VideoFixtures.Setup setup = VideoFixtures.publish(2);
        Map<String, Object> same = VideoFixtures.availability(setup.department(), 2);
        update(setup.availabilityId(), same, "\"0\"").then().statusCode(200);
        update(setup.availabilityId(), same, "\"0\"").then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));

        VideoFixtures.Setup other = VideoFixtures.publish(2);
        update(setup.availabilityId(), VideoFixtures.availability(other.department(), 2), null).then().statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("departmentCode"));
        update(UUID.randomUUID().toString(), same, null).then().statusCode(404);
    }

    @Test
    void onlyAnAdminSeesOrChangesAvailability() {
        VideoFixtures.Setup setup = VideoFixtures.publish(2);
        String resident = TestTokens.resident(UUID.randomUUID().toString(), "L2");
        given().auth().oauth2(resident).queryParam("departmentCode", setup.department())
                .get("/api/v1/admin/video/availabilities").then().statusCode(403);
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body(VideoFixtures.availability(setup.department(), 9))
                .put("/api/v1/admin/video/availabilities/" + setup.availabilityId()).then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("departmentCode", setup.department())
                .get("/api/v1/admin/video/availabilities").then().body("items[0].capacity", equalTo(2));
    }

    private static Response update(String id, Map<String, Object> body, String ifMatch) {
        var request = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/admin/video/availabilities/" + id);
    }
}
