package app.banhao.proof;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.platform.embedded.FreePorts;
import app.banhao.testing.PackagedApp;
import app.banhao.testing.faults.Await;
import app.banhao.testing.faults.SubmissionStorm;

/**
 * Issue 6, "a process killed with -9 during submissions": residents keep submitting applications (draft,
 * then submit with the signed commitment, each step with its own Idempotency-Key, retried until
 * acknowledged) while the packaged app is killed with SIGKILL and started again on the same data. Every
 * submission that was acknowledged is stored, submitted, exactly once.
 */
class KillDuringSubmissionsIT {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration ACKNOWLEDGED = Duration.ofSeconds(90);
    private static final Pattern NUMBER = Pattern.compile("\"applicationNo\":\"(\\d+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    private final AtomicReference<PackagedApp> current = new AtomicReference<>();
    private volatile String token;

    @Test
    void everyAcknowledgedSubmissionSurvivesAKill() throws Exception {
        int pgPort = FreePorts.find();
        Map<String, String> props = PackagedApp.localInstance(work, pgPort);
        // The first instance relays no case event at all, so everything it committed is still owed when it is killed.
        Map<String, String> noRelay = new HashMap<>(props);
        noRelay.put("banhao.outbox.relay.enabled", "false");
        Path log = work.resolve("app.log");
        try (PackagedApp first = PackagedApp.start(noRelay, Map.of(), log).awaitReady(READY)) {
            current.set(first);
            token = login(first);
            SubmissionStorm storm = SubmissionStorm.start(this::submit, 4);
            try (storm) {
                storm.awaitAcknowledged(15, ACKNOWLEDGED);
                first.kill();
                long owed = scalar(pgPort, "SELECT count(*) FROM outbox_delivery WHERE state = 'PENDING'");
                assertTrue(owed > 0, "case events committed but not yet relayed when the app was killed");
                PackagedApp second = PackagedApp.start(props, Map.of(), log).awaitReady(READY);
                try (second) {
                    current.set(second);
                    storm.awaitAcknowledged(15, ACKNOWLEDGED);
                    storm.close();
                    // Read while the restarted app's PostgreSQL still runs: it stops with the app.
                    assertTrue(storm.unanswered() > 0, "the kill happened while residents were submitting");
                    assertTrue(storm.unexpected().isEmpty(), "answers other than 2xx or a 503 problem with Retry-After:\n"
                            + String.join("\n", storm.unexpected()));
                    assertEquals(List.of(), SubmissionStorm.lostOrDuplicated(storm.acknowledged(), submitted(pgPort)));
                    // Nothing committed before the kill is lost: the restarted relay delivers every owed event, and
                    // each submitted case has its inbox message (written in the submission's own transaction).
                    Await.until(Duration.ofSeconds(60), "every case event delivered after the restart",
                            () -> scalar(pgPort, "SELECT count(*) FROM outbox_delivery WHERE state <> 'DONE'") == 0);
                    assertEquals(0, scalar(pgPort, "SELECT count(*) FROM application a WHERE a.state <> 'DRAFT'"
                            + " AND a.item_code = 'HN-WJW-GGCSWSXK' AND NOT EXISTS (SELECT 1 FROM resident_message m"
                            + " WHERE m.application_id = a.id AND m.state = 'SUBMITTED')"), "submitted cases without their message");
                }
            }
        }
    }

    /** One resident's app: the draft carries the key in its form, so the stored case can be found by it. */
    private HttpResponse<String> submit(String key) throws java.io.IOException, InterruptedException {
        String form = "{\"itemCode\":\"HN-WJW-GGCSWSXK\",\"formData\":{\"companyName\":\"" + key + "\","
                + "\"businessAddress\":\"长沙市芙蓉区五一大道 1 号\",\"legalRepresentative\":\"张三\",\"phone\":\"13800138000\"}}";
        HttpResponse<String> draft = post("/api/v1/applications", key, form);
        if (draft.statusCode() != 201) {
            return draft;
        }
        Matcher number = NUMBER.matcher(draft.body());
        assertTrue(number.find(), draft.body());
        return post("/api/v1/applications/" + number.group(1) + "/submit", key + "-submit", "{\"commitment\":{\"accepted\":true}}");
    }

    private HttpResponse<String> post(String path, String key, String json) throws java.io.IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + current.get().port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A resident logged in by SMS code (the local log gateway reveals it); the token outlives the restart. */
    private static String login(PackagedApp app) throws Exception {
        return app.residentToken("13712340000");
    }

    private long scalar(int pgPort, String sql) {
        try (Connection c = PackagedApp.database(work, pgPort, "banhao"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key → how many submitted (no longer draft) applications carry it. */
    private Map<String, Integer> submitted(int pgPort) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = PackagedApp.database(work, pgPort, "banhao");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT form_data->>'companyName', count(*) FROM application "
                        + "WHERE state <> 'DRAFT' AND item_code = 'HN-WJW-GGCSWSXK' GROUP BY 1")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }
}
