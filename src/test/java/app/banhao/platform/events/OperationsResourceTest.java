package app.banhao.platform.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.TestTokens;
import app.banhao.testing.faults.Await;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OperationsResourceTest {

    private static final String ADMIN = TestTokens.staff("ops-admin", "HN-ZWFW", TokenClaims.ADMIN);

    @Inject
    Outbox outbox;

    @Test
    void anOperatorSeesADeadLetterAndPutsItBackInTheQueue() throws Throwable {
        String thing = "ops-" + UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.publish(new TestEvents.TestFlaky(thing, 1))));

        Await.until(Duration.ofSeconds(30), "the failing delivery dead-lettered",
                () -> deadLetters().getList("items.aggregateId").contains(thing));
        JsonPath dead = deadLetters();
        String eventId = dead.getString("items.find { it.aggregateId == '" + thing + "' }.eventId");
        given().auth().oauth2(ADMIN).get("/api/v1/admin/event-deliveries").then().statusCode(200)
                .body("items.find { it.eventId == '" + eventId + "' }.consumer", equalTo("test-failing"))
                .body("items.find { it.eventId == '" + eventId + "' }.eventType", equalTo("TestFlaky"))
                .body("items.find { it.eventId == '" + eventId + "' }.attempts", equalTo(3))
                .body("items.find { it.eventId == '" + eventId + "' }.lastError", startsWith("downstream refused"));

        given().auth().oauth2(ADMIN).post("/api/v1/admin/event-deliveries/" + eventId + "/test-failing/retry")
                .then().statusCode(200).body("state", equalTo("PENDING")).body("attempts", equalTo(0));
        // Only a dead delivery can be retried: this one is queued again (or already failing anew).
        given().auth().oauth2(ADMIN).post("/api/v1/admin/event-deliveries/" + eventId + "/test-recording/retry")
                .then().statusCode(409).body("code", equalTo("CONFLICT"));
        // It fails again (the consumer is still broken) and comes back to the list after its attempts.
        Await.until(Duration.ofSeconds(30), "dead-lettered again",
                () -> deadLetters().getList("items.aggregateId").contains(thing));
    }

    @Test
    void unknownDeliveriesAreNotFoundAndOnlyAdministratorsMayLook() {
        given().auth().oauth2(ADMIN).post("/api/v1/admin/event-deliveries/" + UUID.randomUUID() + "/inbox/retry")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(TestTokens.staff("ops-reviewer", "HN-SCJ", TokenClaims.REVIEWER))
                .get("/api/v1/admin/event-deliveries").then().statusCode(403);
        given().auth().oauth2(TestTokens.resident(UUID.randomUUID().toString())).get("/api/v1/admin/event-deliveries")
                .then().statusCode(403);
        given().get("/api/v1/admin/event-deliveries").then().statusCode(401);
    }

    @Test
    void deliveriesAreListedByStateAPageAtATime() throws Throwable {
        String thing = "paged-" + UUID.randomUUID();
        for (int n = 1; n <= 2; n++) {
            int value = n;
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> outbox.publish(new TestEvents.TestHappened(thing, value))));
        }
        Await.until(Duration.ofSeconds(10), "both delivered", () -> given().auth().oauth2(ADMIN).queryParam("state", "DONE")
                .queryParam("limit", 100).get("/api/v1/admin/event-deliveries").then().extract().jsonPath()
                .getList("items.findAll { it.aggregateId == '" + thing + "' }").size() == 2);

        JsonPath first = given().auth().oauth2(ADMIN).queryParam("state", "DONE").queryParam("limit", 1)
                .get("/api/v1/admin/event-deliveries").then().statusCode(200).body("items.state", not(hasItem("DEAD")))
                .extract().jsonPath();
        String cursor = first.getString("nextCursor");
        given().auth().oauth2(ADMIN).queryParam("state", "DONE").queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/admin/event-deliveries").then().statusCode(200)
                .body("items[0].eventId", not(equalTo(first.getString("items[0].eventId"))));
        given().auth().oauth2(ADMIN).queryParam("state", "NOT_A_STATE").get("/api/v1/admin/event-deliveries")
                .then().statusCode(400);
    }

    private static JsonPath deadLetters() {
        return given().auth().oauth2(ADMIN).queryParam("limit", 100).get("/api/v1/admin/event-deliveries")
                .then().statusCode(200).extract().jsonPath();
    }
}
