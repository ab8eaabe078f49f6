package app.banhao.platform.events;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.testing.PackagedApp;
import app.banhao.testing.faults.Await;

/**
 * Issue 11, "two relays on two nodes deliver each event once per consumer": node A takes the residents'
 * submissions and relays nothing; nodes B and C, on the same PostgreSQL, poll the outbox every 100 ms in batches of
 * five while the cases are being written, so both see the same deliveries due at the same moments and race for
 * them. Every delivery ends DONE after one attempt, the two relays' counts of processed deliveries add up to the
 * number of deliveries (none processed twice, since a consumer's effect and its DONE commit together and a
 * second processing would count again), both relays took part, and each case has one inbox message per event (written
 * by node A with the change: the inbox runs in the writer's transaction).
 */
class OutboxRelayAcrossNodesIT {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final int CASES = 40;
    private static final String ITEM = "HN-WJW-GGCSWSXK";
    private static final String DELIVERED = "banhao_outbox_delivered_total";
    private static final Pattern NUMBER = Pattern.compile("\"applicationNo\":\"(\\d+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"devCode\":\"(\\d+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void twoRelaysDeliverEachEventOncePerConsumer() throws Exception {
        try (EmbeddedServers shared = EmbeddedServers.start(new EmbeddedSettings(true, true, work.resolve("servers"), false, 0, 0))) {
            Map<String, String> node = PackagedApp.clusterNode(shared, work.resolve("keys"));
            Map<String, String> writer = new HashMap<>(node);
            writer.put("banhao.outbox.relay.enabled", "false");
            Map<String, String> relay = new HashMap<>(node);
            relay.put("banhao.outbox.poll-every", "0.1s");
            relay.put("banhao.outbox.batch-size", "5");
            try (PackagedApp a = PackagedApp.start(writer, Map.of(), work.resolve("a.log")).awaitReady(READY);
                    PackagedApp b = PackagedApp.start(relay, Map.of(), work.resolve("b.log"));
                    PackagedApp c = PackagedApp.start(relay, Map.of(), work.resolve("c.log"))) {
                b.awaitReady(READY);
                c.awaitReady(READY);
                String token = login(a, "13712345670");
                List<String> numbers = submitCases(a, token);
                assertEquals(CASES, numbers.size(), "every case submitted on node A");

                Await.until(Duration.ofSeconds(90), "every delivery processed by the relays on B and C",
                        () -> scalar(shared, "SELECT count(*) FROM outbox_delivery WHERE state <> 'DONE'") == 0);
                long deliveries = scalar(shared, "SELECT count(*) FROM outbox_delivery");
                assertTrue(deliveries >= CASES * 2L, "each submission owes the two queued consumers (live progress, hot ranking): "
                        + deliveries);
                assertEquals(0, a.metric(DELIVERED), "node A relays nothing");
                double onB = b.metric(DELIVERED);
                double onC = c.metric(DELIVERED);
                assertEquals(deliveries, (long) (onB + onC),
                        "processed by B (" + onB + ") and C (" + onC + "): each delivery exactly once");
                assertTrue(onB > 0 && onC > 0, "both relays took part: B " + onB + ", C " + onC);
                assertEquals(0, scalar(shared, "SELECT count(*) FROM outbox_delivery WHERE attempts <> 1"),
                        "no delivery was attempted twice");
                assertEquals(0, scalar(shared, "SELECT count(*) FROM (SELECT application_id, state FROM resident_message"
                        + " WHERE application_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d"), "one inbox message per event");
                // The inbox runs in the writer's transaction: node A wrote each message with its submission.
                assertEquals(CASES, scalar(shared, "SELECT count(*) FROM resident_message WHERE state = 'SUBMITTED'"
                        + " AND application_no IN ('" + String.join("','", numbers) + "')"), "each submission's inbox message");
            }
        }
    }

    /** {@link #CASES} drafts submitted from four threads at once, as residents would; their numbers. */
    private static List<String> submitCases(PackagedApp app, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                String company = "两节点中继测试公司" + i;
                submitted.add(pool.submit(() -> submit(app, token, company)));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> f : submitted) {
                numbers.add(f.get());
            }
            return numbers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String submit(PackagedApp app, String token, String company) throws Exception {
        HttpResponse<String> draft = post(app, token, "/api/v1/applications", "{\"itemCode\":\"" + ITEM + "\",\"formData\":{"
                + "\"companyName\":\"" + company + "\",\"businessAddress\":\"长沙市芙蓉区五一大道 1 号\","
                + "\"legalRepresentative\":\"张三\",\"phone\":\"13800138000\"}}");
        assertEquals(201, draft.statusCode(), draft.body());
        Matcher number = NUMBER.matcher(draft.body());
        assertTrue(number.find(), draft.body());
        HttpResponse<String> submit = post(app, token, "/api/v1/applications/" + number.group(1) + "/submit",
                "{\"commitment\":{\"accepted\":true}}");
        assertEquals(200, submit.statusCode(), submit.body());
        return number.group(1);
    }

    private static HttpResponse<String> post(PackagedApp app, String token, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A resident logged in by SMS code (the local log gateway reveals it). */
    private static String login(PackagedApp app, String phone) throws Exception {
        Matcher code = CODE.matcher(app.post("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}").body());
        assertTrue(code.find(), "an SMS code");
        Matcher token = TOKEN.matcher(app.post("/api/v1/auth/login",
                "{\"phone\":\"" + phone + "\",\"code\":\"" + code.group(1) + "\"}").body());
        assertTrue(token.find(), "an access token");
        return token.group(1);
    }

    private static long scalar(EmbeddedServers servers, String sql) {
        try (Connection c = servers.connect("banhao"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
