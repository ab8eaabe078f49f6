package app.banhao.application.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.SseClient;
import app.banhao.testing.EmbeddedServersResource;
import app.banhao.testing.Logins;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A resident's app reloads the case and its timeline when a state change is pushed to it, so the push may only go
 * out once the timeline's entry for that change has committed. The H5 journey test met the opposite in CI: the
 * push was sent from inside the delivery round, the app read the timeline before the round committed, and the
 * accepted case kept showing "submitted" as its latest step. Here another consumer holds each round open for
 * 300 ms before it commits, and a reader on the stream looks the entry up in the database the moment each push
 * arrives.
 */
@QuarkusTest
class LivePushAfterCommitTest {

    private static final int ROUNDS = 12;

    @TestHTTPResource("/api/v1/me/events")
    URI events;

    @Test
    void aPushedChangeIsAlreadyOnTheTimeline() throws Exception {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            numbers.add(ApplicationFixtures.submitted(resident, dept.item()));
        }
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (SseClient stream = SseClient.open(events, resident); Connection db = EmbeddedServersResource.servers().connect("banhao")) {
            assertEquals(List.of(":connected"), stream.next(Duration.ofSeconds(5)));
            Future<List<String>> missing = reader.submit(() -> {
                List<String> notYet = new ArrayList<>();
                for (int seen = 0; seen < ROUNDS; seen++) {
                    List<String> event = stream.nextEvent(Duration.ofSeconds(10));
                    if (event == null) {
                        notYet.add("no push within 10 s");
                        break;
                    }
                    JsonPath data = JsonPath.from(SseClient.field(event, "data"));
                    String no = data.getString("applicationNo");
                    String state = data.getString("toState");
                    if (!onTimeline(db, no, state)) {
                        notYet.add(no + " " + state);
                    }
                }
                return notYet;
            });
            HoldingConsumer.hold = Duration.ofMillis(300);
            for (String no : numbers) {
                ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
            }
            assertEquals(List.of(), missing.get(), "pushed before the timeline had the change");
        } finally {
            HoldingConsumer.hold = null;
            reader.shutdownNow();
        }
    }

    private static boolean onTimeline(Connection db, String applicationNo, String toState) throws java.sql.SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT count(*) FROM case_timeline_entry WHERE application_no = ? AND to_state = ?")) {
            q.setString(1, applicationNo);
            q.setString(2, toState);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
