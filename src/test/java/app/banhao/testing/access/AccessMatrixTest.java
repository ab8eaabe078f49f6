package app.banhao.testing.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import app.banhao.testing.contract.ApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;

/**
 * The matrix machinery on a contract that has what the API does not have yet: operations with
 * identifiers, one of them public and one without its ownership check.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final ApiContract FIXTURE = ApiContract.load("proof/access-fixture.yaml");

    /** How a case creates its object: a note written by the owner, addressed by its id. */
    private static final Function<Caller, Target> NOTE = owner -> {
        String text = "secret-" + UUID.randomUUID();
        ExtractableResponse<?> created = owner.authorize(given()).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}")
                .post("/test-fixtures/access/notes").then().statusCode(201).extract();
        return Target.of(Map.of("noteId", created.path("id")), created.asString());
    };

    private static AccessCases.Builder complete() {
        return AccessCases.builder()
                .ownedByResident(NOTE, "getFixtureNote")
                .ownedByResident(owner -> NOTE.apply(owner).withBody("{\"text\":\"overwritten\"}"), "replaceFixtureNoteText")
                .publicOperation("getPublishedFixtureNote", "published notes are for everyone");
    }

    @Test
    void everyOperationWithAnIdentifierNeedsACase() {
        List<String> gaps = AccessMatrix.gaps(FIXTURE, AccessCases.builder().build());
        assertThat(gaps, hasSize(4));
        assertThat(gaps, hasItem(startsWith("getFixtureNote (GET /test-fixtures/access/notes/{noteId}) has an identifier")));
        assertThat(gaps, hasItem(containsString("getPublishedFixtureNote")));
        assertThat(gaps, hasItem(containsString("declare it with publicOperation")));
    }

    @Test
    void aCompleteRegistryHasNoGaps() {
        List<String> gaps = AccessMatrix.gaps(FIXTURE,
                complete().ownedByResident(NOTE, "getFixtureNoteWithoutOwnerCheck").build());
        assertThat(gaps, empty());
    }

    @Test
    void wrongDeclarationsAreReported() {
        AccessCases wrong = AccessCases.builder()
                .publicOperation("getFixtureNote", "claimed public by mistake")
                .ownedByResident(NOTE, "getPublishedFixtureNote")
                .publicOperation("replaceFixtureNoteText", "claimed public by mistake")
                .publicOperation("getFixtureNoteWithoutOwnerCheck", "claimed public by mistake")
                .publicOperation("deletedLongAgo", "an operation the contract no longer has")
                .build();
        assertThat(AccessMatrix.gaps(FIXTURE, wrong), containsInAnyOrder(
                startsWith("getFixtureNote (GET /test-fixtures/access/notes/{noteId}) is declared public"),
                startsWith("replaceFixtureNoteText (PUT"),
                startsWith("getFixtureNoteWithoutOwnerCheck (GET"),
                startsWith("getPublishedFixtureNote (GET /test-fixtures/access/public-notes/{noteId}) is declared owned"),
                startsWith("deletedLongAgo has a case in the matrix but is not an operation")));
    }

    @Test
    void operationsThatCheckTheOwnerPass() {
        assertThat(AccessMatrix.run(FIXTURE, complete().build()), empty());
    }

    @Test
    void aMissingOwnerCheckFailsForEveryOtherCallerAndNamesTheLeak() {
        List<String> failures = AccessMatrix.run(FIXTURE, AccessCases.builder()
                .ownedByResident(NOTE, "getFixtureNoteWithoutOwnerCheck").build());
        assertThat(failures, hasItem(startsWith(
                "getFixtureNoteWithoutOwnerCheck (GET /test-fixtures/access/leaky-notes/{noteId}) called by another resident on A's object answered 200, expected [404]")));
        assertThat(failures, hasItem(containsString("called by staff of another department on A's object answered 200")));
        assertThat(failures, hasItem(containsString("called by another resident shows A's text (\"secret-")));
    }

    @Test
    void aCaseThatCannotReachItsObjectFails() {
        Function<Caller, Target> wrongId = owner -> Target.of(Map.of("noteId", "not-the-note"), NOTE.apply(owner).representation());
        List<String> failures = AccessMatrix.run(FIXTURE, AccessCases.builder().ownedByResident(wrongId, "getFixtureNote").build());
        assertThat(failures, hasItem(containsString("called by its owner answered 404")));
    }
}
