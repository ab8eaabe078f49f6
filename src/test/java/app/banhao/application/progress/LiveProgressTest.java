package app.banhao.application.progress;

import static app.banhao.application.ApplicationFixtures.act;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.SseClient;
import app.banhao.application.progress.LiveProgress;
import app.banhao.testing.Logins;
import app.banhao.testing.contract.SpecCoverage;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /api/v1/me/events: each state change reaches the owner's open streams within a second, and no one else's. */
@QuarkusTest
class LiveProgressTest {

    @TestHTTPResource("/api/v1/me/events")
    URI events;

    @Inject
    LiveProgress live;

    @Test
    void aReviewerTransitionReachesTheResidentsStreamWithinASecond() throws Exception {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String other = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String itemName = given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().extract().path("itemName");
        int before = live.openStreams();

        try (SseClient mine = SseClient.open(events, resident); SseClient theirs = SseClient.open(events, other)) {
            assertEquals(200, mine.status());
            assertTrue(mine.contentType().startsWith("text/event-stream"), mine.contentType());
            assertEquals(List.of(":connected"), mine.next(Duration.ofSeconds(5)), "the stream announces itself once subscribed");
            assertEquals(List.of(":connected"), theirs.next(Duration.ofSeconds(5)));
            assertEquals(before + 2, live.openStreams());

            long sent = System.nanoTime();
            act(dept.reviewer(), no, "accept", "{}").statusCode(200);
            List<String> event = mine.nextEvent(Duration.ofSeconds(1));
            assertNotNull(event, "no event within a second of the change");
            assertTrue(System.nanoTime() - sent < Duration.ofSeconds(1).toNanos());
            assertEquals(LiveProgress.EVENT_NAME, SseClient.field(event, "event"));
            JsonPath data = JsonPath.from(SseClient.field(event, "data"));
            assertEquals(no, data.getString("applicationNo"));
            assertEquals(itemName, data.getString("itemName"));
            assertEquals("SUBMITTED", data.getString("fromState"));
            assertEquals("ACCEPTED", data.getString("toState"));
            assertNotNull(OffsetDateTime.parse(data.getString("at")));
            long version = ApplicationFixtures.version(dept.reviewer(), no);
            assertEquals(no + ":" + version, SseClient.field(event, "id"));

            // The next change comes too, in order; another resident's stream saw none of them.
            act(dept.reviewer(), no, "approve", "{}").statusCode(200);
            List<String> approved = mine.nextEvent(Duration.ofSeconds(2));
            assertNotNull(approved);
            assertEquals("APPROVED", JsonPath.from(SseClient.field(approved, "data")).getString("toState"));
            assertNull(theirs.nextEvent(Duration.ofMillis(500)), "another resident's stream must not see this application");
            // Only the contract's exchanges through REST Assured are recorded; this one was checked by hand above.
            SpecCoverage.record("streamMyEvents");
        }
        // A closed stream is forgotten.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (live.openStreams() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, live.openStreams(), "streams of disconnected clients are cleaned up");
    }

    @Test
    void theStreamNeedsAResidentToken() throws Exception {
        given().get("/api/v1/me/events").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        String staff = ApplicationFixtures.department(false).reviewer();
        given().auth().oauth2(staff).get("/api/v1/me/events").then().statusCode(403);
        try (SseClient anonymous = SseClient.open(events, null)) {
            assertEquals(401, anonymous.status());
        }
    }
}
