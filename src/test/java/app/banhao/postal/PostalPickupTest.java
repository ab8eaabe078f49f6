package app.banhao.postal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.calendar.WorkingCalendar;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.platform.time.BusinessClock;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The resident books a courier to collect their originals (代收): an address from the book and a window the working
 * calendar allows; the carrier order goes through the outbox (the resident the sender), its waybill links the parcel
 * to the case on the timeline and in the inbox, tracking follows it, it can be cancelled until picked up (409 after),
 * and the department's staff record the materials received.
 */
@QuarkusTest
class PostalPickupTest {

    @Inject
    OutboxRelay relay;

    @Inject
    WorkingCalendar calendar;

    @Test
    void aBookedPickUpIsOrderedTrackedAndReceivedByTheDepartment() throws Exception {
        String resident = Logins.newResidentToken();
        var dept = PostalFixtures.department();
        String no = ApplicationFixtures.submitted(resident, dept.item());

        String booked = book(resident, no, PostalFixtures.booking(PostalFixtures.address(resident), calendar)).statusCode(200)
                .body("kind", equalTo("PICKUP")).body("state", equalTo("REQUESTED")).body("recipient", equalTo("张**"))
                .body("windowStart", notNullValue()).extract().asString();
        assertFalse(booked.contains("13912345678") || booked.contains(PostalFixtures.DETAIL), booked);
        String id = new io.vertx.core.json.JsonObject(booked).getString("id");
        String waybill = orderedWaybill(resident, no);
        List<String> kinds = PostalFixtures.timelineOnceItHas(relay, resident, no, "上门取件已下单（LOCAL），运单号 " + waybill);
        assertTrue(kinds.contains("PICKUP_BOOKED"), kinds.toString());
        StaffParcelOrderTest.inboxOnceItHas(resident, "上门取件已预约");

        assertEquals("APPLIED", PostalFixtures.track(waybill, "PICKED_UP", "2026-12-04T10:30:00+08:00"));
        pickup(resident, no).body("state", equalTo("PICKED_UP"));
        given().auth().oauth2(resident).delete(path(no)).then().statusCode(409).body("code", equalTo("PARCEL_PICKED_UP"));
        PostalFixtures.timelineOnceItHas(relay, resident, no, "快递员已上门取件，运单号 " + waybill);

        String received = "/api/v1/staff/postal/deliveries/" + id + "/received";
        given().auth().oauth2(PostalFixtures.department().reviewer()).post(received).then().statusCode(404);
        given().auth().oauth2(dept.reviewer()).post(received).then().statusCode(200).body("state", equalTo("RECEIVED"))
                .body("kind", equalTo("PICKUP"));
        given().auth().oauth2(dept.reviewer()).post(received).then().statusCode(200).body("state", equalTo("RECEIVED"));
        pickup(resident, no).body("state", equalTo("RECEIVED")).body("receivedAt", notNullValue());
        PostalFixtures.timelineOnceItHas(relay, resident, no, "部门已签收材料原件（运单号 " + waybill + "）");
        StaffParcelOrderTest.inboxOnceItHas(resident, "部门已收到您的材料原件");
        // Tracking after it changes nothing.
        assertEquals("STALE", PostalFixtures.track(waybill, "DELIVERED", "2026-12-04T16:00:00+08:00"));
    }

    @Test
    void aPickUpIsCancelledUntilPickedUpAndBookedAnew() throws Exception {
        String resident = Logins.newResidentToken();
        var dept = PostalFixtures.department();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String address = PostalFixtures.address(resident);
        String first = book(resident, no, PostalFixtures.booking(address, calendar)).statusCode(200).extract().path("id");
        orderedWaybill(resident, no);

        given().auth().oauth2(resident).delete(path(no)).then().statusCode(200).body("state", equalTo("CANCELLED"));
        given().auth().oauth2(resident).delete(path(no)).then().statusCode(200).body("state", equalTo("CANCELLED"));
        PostalFixtures.timelineOnceItHas(relay, resident, no, "已取消上门取件（运单号 " + pickup(resident, no).extract().path("waybillNo") + "）");
        given().auth().oauth2(dept.reviewer()).post("/api/v1/staff/postal/deliveries/" + first + "/received").then()
                .statusCode(409).body("code", equalTo("MATERIALS_NOT_RECEIVABLE"));

        String second = book(resident, no, PostalFixtures.booking(address, calendar)).statusCode(200).extract().path("id");
        assertNotEquals(first, second);
        // Another resident sees nothing of it.
        String stranger = Logins.newResidentToken();
        pickupAs(stranger, no).statusCode(404);
        book(stranger, no, PostalFixtures.booking(PostalFixtures.address(stranger), calendar)).statusCode(404);
        // An outbound parcel has no materials to receive.
        String outbound = PostalFixtures.orderedIn(dept.code(), false).getString("id");
        given().auth().oauth2(dept.reviewer()).post("/api/v1/staff/postal/deliveries/" + outbound + "/received").then()
                .statusCode(409).body("code", equalTo("NOT_A_PICKUP"));
    }

    @Test
    void windowsOffTheWorkingCalendarOrHoursAreRefusedAndNothingIsBookedAfterTheDecision() {
        String resident = Logins.newResidentToken();
        var dept = PostalFixtures.department();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String address = PostalFixtures.address(resident);
        LocalDate day = LocalDate.now(BusinessClock.ZONE).plusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        LocalDate restDay = day;
        while (calendar.isWorkingDay(restDay)) {
            restDay = restDay.plusDays(1);
        }
        for (String[] w : new String[][] { { day + "T07:00:00+08:00", day + "T09:00:00+08:00", "windowStart" },
            { day + "T16:00:00+08:00", day + "T19:00:00+08:00", "windowEnd" },
            { day + "T09:00:00+08:00", day + "T09:30:00+08:00", "windowEnd" },
            { day + "T09:00:00+08:00", day + "T14:00:00+08:00", "windowEnd" },
            { day + "T12:00:00+08:00", day + "T10:00:00+08:00", "windowEnd" },
            { restDay + "T10:00:00+08:00", restDay + "T12:00:00+08:00", "windowStart" },
            { "2020-01-06T10:00:00+08:00", "2020-01-06T12:00:00+08:00", "windowStart" },
            { day.plusDays(30) + "T10:00:00+08:00", day.plusDays(30) + "T12:00:00+08:00", "windowStart" } }) {
            book(resident, no, "{\"addressId\":\"" + address + "\",\"windowStart\":\"" + w[0] + "\",\"windowEnd\":\"" + w[1] + "\"}")
                    .statusCode(422).body("code", equalTo("PICKUP_WINDOW_INVALID")).body("errors[0].field", equalTo(w[2]));
        }
        pickupAs(resident, no).statusCode(404);

        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
        ApplicationFixtures.act(dept.reviewer(), no, "approve", "{}").statusCode(200);
        book(resident, no, PostalFixtures.booking(address, calendar)).statusCode(409).body("code", equalTo("DELIVERY_TOO_LATE"));
    }

    private String orderedWaybill(String resident, String no) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            OutboxSteps.drain(relay);
            var answer = pickup(resident, no).extract();
            if ("ORDERED".equals(answer.path("state")) || System.currentTimeMillis() > deadline) {
                pickup(resident, no).body("state", equalTo("ORDERED"));
                return answer.path("waybillNo");
            }
            Thread.sleep(50);
        }
    }

    private static String path(String no) {
        return "/api/v1/applications/" + no + "/pickup";
    }

    private static ValidatableResponse book(String resident, String no, String body) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON).body(body).put(path(no)).then();
    }

    private static ValidatableResponse pickup(String resident, String no) {
        return pickupAs(resident, no).statusCode(200);
    }

    private static ValidatableResponse pickupAs(String resident, String no) {
        return given().auth().oauth2(resident).get(path(no)).then();
    }
}
