package app.banhao.postal;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.OutboxSteps;
import io.restassured.http.ContentType;

/** Residents' postal deliveries as tests need them: an address in the book, a case of a postal item, the choice. */
public final class PostalFixtures {

    public static final String DETAIL = "芙蓉区五一大道 1 号 2 栋 301";
    public static final String ADDRESS = "{\"recipient\":\"张三丰\",\"phone\":\"13912345678\",\"regionCode\":\"430102\",\"detail\":\""
            + DETAIL + "\"}";

    private PostalFixtures() {
    }

    /** A department of its own whose one item may be posted. */
    public static ApplicationFixtures.Dept department() {
        return ApplicationFixtures.postalDepartment("P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }

    /** The id of a new address in {@code resident}'s book. */
    public static String address(String resident) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON).body(ADDRESS).post("/api/v1/me/addresses")
                .then().statusCode(201).extract().path("id");
    }

    /** A case of a new postal item, submitted, postal delivery chosen, accepted and approved; its number. */
    public static String approvedAfterChoosing(String resident) {
        var dept = department();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        chosen(resident, no);
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
        ApplicationFixtures.act(dept.reviewer(), no, "approve", "{}").statusCode(200);
        return no;
    }

    public static String choice(String addressId) {
        return "{\"addressId\":\"" + addressId + "\"}";
    }

    /** Postal delivery chosen for {@code no} to a new address; the answer's body. */
    public static String chosen(String resident, String no) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON).body(choice(address(resident)))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(200).extract().asString();
    }

    /** The waybill of {@code no}'s delivery once the outbox has ordered it (waits up to 20 s). */
    public static String orderedWaybill(OutboxRelay relay, String resident, String no) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            OutboxSteps.drain(relay);
            var answer = given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                    .extract();
            if ("ORDERED".equals(answer.path("state")) || System.currentTimeMillis() > deadline) {
                return answer.path("waybillNo");
            }
            Thread.sleep(50);
        }
    }

    /**
     * The kinds of {@code no}'s timeline once it has an entry reading {@code text}: an entry is written with its change,
     * but some of those changes are the relay's own (the order placed with the carrier once a delivery is requested),
     * so it is drained at least once, then until the entry is there.
     */
    public static List<String> timelineOnceItHas(OutboxRelay relay, String resident, String no, String text)
            throws Exception {
        drainUntil(relay, () -> given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then()
                .statusCode(200).extract().<List<String>>path("items.text").contains(text));
        return given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.text", org.hamcrest.Matchers.hasItem(text)).extract().path("items.kind");
    }

    /** Drains the outbox, then again every 100 ms until {@code seen} holds or 10 s have passed. */
    private static void drainUntil(OutboxRelay relay, java.util.function.BooleanSupplier seen) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        do {
            OutboxSteps.drain(relay);
        } while (!seen.getAsBoolean() && System.currentTimeMillis() < deadline && pause());
    }

    /** The first of the test profile's webhook secrets ({@code %test.banhao.postal.webhook.secrets}). */
    public static final String TEST_SECRET = "whsec_YmFuaGFvLXRlc3Qtd2ViaG9vay1zZWNyZXQtb25lISE=";

    /**
     * A delivery of a case of {@code department}, approved and ordered by the carrier in place (the relay's own poll);
     * with {@code exception} the carrier then reported an exception. The delivery as answered to its resident.
     */
    public static io.vertx.core.json.JsonObject orderedIn(String department, boolean exception) {
        var dept = ApplicationFixtures.postalDepartment(department);
        String resident = app.banhao.testing.Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        chosen(resident, no);
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
        ApplicationFixtures.act(dept.reviewer(), no, "approve", "{}").statusCode(200);
        io.vertx.core.json.JsonObject d = ordered(resident, "/api/v1/applications/" + no + "/delivery");
        if (exception) {
            track(d.getString("waybillNo"), "EXCEPTION", "2026-11-25T09:00:00+08:00");
            d.put("state", "EXCEPTION");
        }
        return d;
    }

    /** A signed tracking callback for {@code waybill}: the parcel reached {@code state} at {@code opTime}; its outcome. */
    public static String track(String waybill, String state, String opTime) {
        String id = UUID.randomUUID().toString();
        String ts = String.valueOf(java.time.Instant.now().getEpochSecond());
        byte[] body = ("{\"waybillNo\":\"" + waybill + "\",\"state\":\"" + state + "\",\"opTime\":\"" + opTime
                + "\",\"opDesc\":\"地址不详\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return given().contentType("application/json; charset=UTF-8").header("webhook-id", id).header("webhook-timestamp", ts)
                .header("webhook-signature", StandardWebhooks.sign(TEST_SECRET, id, ts, body)).body(body)
                .post("/api/v1/postal/tracking-events").then().statusCode(200).extract().path("outcome");
    }

    /** A pick-up window the courier can be booked for: 10:00–12:00 Beijing time on the next working day but one. */
    public static String window(app.banhao.platform.calendar.WorkingCalendar calendar) {
        java.time.LocalDate day = java.time.LocalDate.now(app.banhao.platform.time.BusinessClock.ZONE).plusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return "\"windowStart\":\"" + day + "T10:00:00+08:00\",\"windowEnd\":\"" + day + "T12:00:00+08:00\"";
    }

    /** A pick-up booking of address {@code addressId} in a window {@link #window} gives. */
    public static String booking(String addressId, app.banhao.platform.calendar.WorkingCalendar calendar) {
        return "{\"addressId\":\"" + addressId + "\"," + window(calendar) + "}";
    }

    /** As {@link #booking(String, app.banhao.platform.calendar.WorkingCalendar)}, with the app's calendar. */
    public static String booking(String addressId) {
        return booking(addressId, io.quarkus.arc.Arc.container().instance(app.banhao.platform.calendar.WorkingCalendar.class).get());
    }

    /**
     * A pick-up booked by a new resident for a case of {@code department} and ordered by the carrier (the relay's own
     * poll); the pick-up as answered to its resident.
     */
    public static io.vertx.core.json.JsonObject pickupOrderedIn(String department) {
        var dept = ApplicationFixtures.postalDepartment(department);
        String resident = app.banhao.testing.Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(booking(address(resident)))
                .put("/api/v1/applications/" + no + "/pickup").then().statusCode(200);
        return ordered(resident, "/api/v1/applications/" + no + "/pickup");
    }

    /** The delivery at {@code path} as its resident reads it once ORDERED by the relay's own poll (up to 20 s). */
    private static io.vertx.core.json.JsonObject ordered(String resident, String path) {
        long deadline = System.currentTimeMillis() + 20_000;
        io.vertx.core.json.JsonObject d;
        do {
            d = new io.vertx.core.json.JsonObject(given().auth().oauth2(resident).get(path).then().statusCode(200).extract()
                    .asString());
        } while (!"ORDERED".equals(d.getString("state")) && System.currentTimeMillis() < deadline && pause());
        return d;
    }

    /** A staff order's body: the test address and what it holds. */
    public static String staffOrder(String contents) {
        return ADDRESS.substring(0, ADDRESS.length() - 1) + ",\"contents\":\"" + contents + "\"}";
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
