package app.banhao.postal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.platform.embedded.FreePorts;
import app.banhao.testing.PackagedApp;
import app.banhao.testing.faults.Await;

/**
 * Issue 14, "nothing lost when the carrier is down", against a crash: residents book pick-ups of their originals (each
 * booking commits the delivery and its carrier request in one transaction and is acknowledged), the carrier (a fake EMS
 * platform) creates the first order but stalls its answer, and the packaged app is killed with -9 while it waits,
 * between the commit and the carrier's answer. Started again on the same data, every acknowledged booking ends as
 * exactly one carrier order (the platform counts orders per logisticsOrderNo) whose waybill the delivery holds.
 */
class KillDuringCarrierCallIT {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern NUMBER = Pattern.compile("\"applicationNo\":\"(\\d+)\"");
    private static final String ADDRESS = "{\"recipient\":\"张三丰\",\"phone\":\"13912345678\",\"regionCode\":\"430102\","
            + "\"detail\":\"芙蓉区五一大道 1 号 2 栋 301\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final int BOOKINGS = 4;

    @TempDir
    Path work;

    private PackagedApp app;
    private String token;

    @Test
    void everyAcknowledgedPickUpIsOneCarrierOrderAfterAKillDuringTheCarrierCall() throws Exception {
        try (FakeEmsPlatform ems = new FakeEmsPlatform()) {
            // The first order is created at the platform, its answer held back far past the kill.
            ems.answerLate(1, 200_000);
            int pgPort = FreePorts.find();
            Map<String, String> props = new HashMap<>(PackagedApp.localInstance(work, pgPort));
            props.put("banhao.postal.ems.endpoint", ems.url());
            props.put("banhao.postal.ems.sender-no", "1100000000001");
            props.put("banhao.postal.ems.authorization", "auth-code");
            props.put("banhao.postal.ems.user-code", "user-1");
            props.put("banhao.postal.ems.sign-key", FakeEmsPlatform.SIGN_KEY);
            props.put("banhao.postal.ems.ecommerce-user-id", "ecom-1");
            props.put("banhao.postal.ems.timeout", "PT300S");
            Path log = work.resolve("app.log");
            Map<String, String> booked = new LinkedHashMap<>();   // delivery id (logisticsOrderNo) -> application
            try (PackagedApp first = PackagedApp.start(props, Map.of(), log).awaitReady(READY)) {
                app = first;
                token = first.residentToken("13712341414");  // it outlives the restart
                for (int i = 0; i < BOOKINGS; i++) {
                    String no = draft("KILL-POSTAL-" + i);
                    booked.put(book(no), no);
                }
                Await.until(Duration.ofSeconds(60), "the carrier holding the first order's answer", () -> ems.createCalls() >= 1);
                first.kill();
            }
            // The order the platform created but whose answer the app never received: still REQUESTED in the app.
            var stalledOrders = ems.parcels().keySet().stream().map(KillDuringCarrierCallIT::delivery)
                    .filter(id -> "REQUESTED".equals(state(pgPort, id))).toList();
            assertEquals(1, stalledOrders.size(), "killed between the commit and the carrier's answer: " + ems.parcels());
            String stalled = stalledOrders.get(0);
            assertTrue(booked.containsKey(stalled), stalled);

            try (PackagedApp second = PackagedApp.start(props, Map.of(), log).awaitReady(READY)) {
                app = second;
                Await.until(Duration.ofSeconds(90), "every booked pick-up ordered after the restart",
                        () -> booked.keySet().stream().allMatch(id -> "ORDERED".equals(state(pgPort, id))));
                // Exactly the acknowledged bookings are carrier orders, each once; the stalled one was sent again under
                // the same number and is still one parcel, whose waybill the delivery holds.
                Map<String, Long> ordersPerDelivery = ems.parcels().keySet().stream()
                        .collect(java.util.stream.Collectors.groupingBy(KillDuringCarrierCallIT::delivery,
                                java.util.stream.Collectors.counting()));
                assertEquals(booked.keySet(), ordersPerDelivery.keySet(), "carrier orders of no acknowledged booking");
                for (String id : booked.keySet()) {
                    assertEquals(1L, ordersPerDelivery.get(id), "carrier orders of " + id + ": " + ems.parcels());
                    assertEquals(ems.parcels().get(id), waybill(pgPort, id), "the delivery holds its parcel's waybill");
                }
                assertTrue(ems.createCalls(stalled) >= 2, "the stalled order was sent again after the restart");
                assertEquals(BOOKINGS, (int) scalar(pgPort, "SELECT count(*) FROM postal_delivery WHERE kind = 'PICKUP'"));
            }
        }
    }


    private String draft(String company) throws Exception {
        String form = "{\"itemCode\":\"HN-WJW-GGCSWSXK\",\"formData\":{\"companyName\":\"" + company + "\","
                + "\"businessAddress\":\"长沙市芙蓉区五一大道 1 号\",\"legalRepresentative\":\"张三\",\"phone\":\"13800138000\"}}";
        HttpResponse<String> draft = send("POST", "/api/v1/applications", form);
        Matcher number = NUMBER.matcher(draft.body());
        assertTrue(draft.statusCode() == 201 && number.find(), draft.body());
        return number.group(1);
    }

    /** Books a pick-up on the first working day the app accepts (holidays are the app's data); the delivery id. */
    private String book(String no) throws Exception {
        HttpResponse<String> address = send("POST", "/api/v1/me/addresses", ADDRESS);
        Matcher addressId = ID.matcher(address.body());
        assertTrue(address.statusCode() == 201 && addressId.find(), address.body());
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        for (int tries = 0; tries < 12; tries++, day = day.plusDays(1)) {
            HttpResponse<String> booked = send("PUT", "/api/v1/applications/" + no + "/pickup", "{\"addressId\":\""
                    + addressId.group(1) + "\",\"windowStart\":\"" + day + "T10:00:00+08:00\",\"windowEnd\":\"" + day
                    + "T12:00:00+08:00\"}");
            if (booked.statusCode() == 200) {
                Matcher id = ID.matcher(booked.body());
                assertTrue(id.find(), booked.body());
                return id.group(1);
            }
            assertEquals(422, booked.statusCode(), booked.body());
        }
        throw new AssertionError("no working day in twelve");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The delivery an order number names (the number is the delivery id, suffixed after a re-order). */
    private static String delivery(String logisticsOrderNo) {
        return logisticsOrderNo.substring(0, 36);
    }

    private String state(int pgPort, String id) {
        return text(pgPort, "SELECT state FROM postal_delivery WHERE id = '" + id + "'");
    }

    private String waybill(int pgPort, String id) {
        return text(pgPort, "SELECT waybill_no FROM postal_delivery WHERE id = '" + id + "'");
    }

    private String text(int pgPort, String sql) {
        try (Connection c = PackagedApp.database(work, pgPort, "banhao"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long scalar(int pgPort, String sql) {
        return Long.parseLong(text(pgPort, sql));
    }
}
