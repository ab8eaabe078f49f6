package app.banhao.application.submission;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.core.ApplicationNumbers;
import app.banhao.catalog.CatalogCache;
import app.banhao.platform.cache.CacheAside;
import app.banhao.testing.Burst;
import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A writer that holds a connection of the pool and then waits for something that needs another one of the same pool
 * waits for ever once every connection is held by such a writer: the pool hands the next free connection to whoever
 * asked first, and none is freed. On 2026-12-06 the bench's two instances stalled so for the pool's 30 s (then
 * answered 500): submissions hold their draft's lock while they check it against its item, and its cache entry had
 * just expired. Here the pool has two connections and many residents write at once.
 */
@QuarkusTest
@TestProfile(WritersUnderPoolPressureTest.TwoConnections.class)
class WritersUnderPoolPressureTest {

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "2");
        }
    }

    private static final int RESIDENTS = 8;

    @Inject
    CacheAside cache;

    @Test
    void submissionsThatFindTheirItemUncachedDoNotWaitOnEachOthersConnections() throws Exception {
        var dept = ApplicationFixtures.department(true);
        List<String> tokens = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            String resident = Logins.newResidentToken();
            tokens.add(resident);
            numbers.add(ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo"));
        }
        // Every node's entries stale at once: each submission finds the item in neither cache.
        cache.invalidate(CatalogCache.NAMESPACE).await().indefinitely();

        List<Burst.Outcome> outcomes = Burst.fire(RESIDENTS, i -> given().auth().oauth2(tokens.get(i))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"commitment\":{\"accepted\":true}}")
                .post("/api/v1/applications/" + numbers.get(i) + "/submit").andReturn());
        for (Response answer : answers(outcomes)) {
            assertEquals(200, answer.statusCode(), answer.asString());
            assertEquals("SUBMITTED", answer.jsonPath().getString("state"));
        }
    }

    /**
     * A bundle's draft (一件事, through Hibernate) takes a number for its parent and each child inside its session:
     * {@value #RESIDENTS} of them need more than a node's block of {@value ApplicationNumbers#BLOCK} numbers.
     */
    @Test
    void bundleDraftsThatRefillTheNumberBlockDoNotWaitOnEachOthersConnections() throws Exception {
        var bundle = ApplicationFixtures.bundle();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < RESIDENTS * 2; i++) {
            tokens.add(Logins.newResidentToken());
        }
        String body = "{\"bundleCode\":\"" + bundle.code() + "\",\"formData\":" + ApplicationFixtures.FORM + "}";
        List<Burst.Outcome> outcomes = Burst.fire(tokens.size(), i -> given().auth().oauth2(tokens.get(i))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").andReturn());
        Set<String> numbers = new HashSet<>();
        for (Response answer : answers(outcomes)) {
            assertEquals(201, answer.statusCode(), answer.asString());
            numbers.add(answer.jsonPath().getString("applicationNo"));
            numbers.addAll(answer.jsonPath().getList("bundle.children.applicationNo", String.class));
        }
        assertEquals(tokens.size() * 3, numbers.size(), "every parent and child has a number of its own");
    }

    private static List<Response> answers(List<Burst.Outcome> outcomes) {
        List<Response> answers = new ArrayList<>();
        for (Burst.Outcome outcome : outcomes) {
            assertNotNull(outcome.answer(), "no answer: " + outcome.failure());
            answers.add(outcome.answer());
        }
        return answers;
    }
}
