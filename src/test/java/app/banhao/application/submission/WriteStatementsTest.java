package app.banhao.application.submission;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.core.ApplicationNumbers;
import app.banhao.testing.CollectedSpans;
import app.banhao.testing.Logins;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The SQL statements one draft and one submission send to PostgreSQL, their at-commit event delivery included,
 * counted from the request's trace (a client span per statement the reactive SQL client sends, whether Hibernate or a
 * writer of its own sent it; a JDBC-style batch of rows of one kind is one statement sent): each write path has a
 * budget, so a statement added on it (a lookup per material, a row-by-row update) is seen here rather than as a lower
 * figure in the benchmark. The statements are also counted in round trips: those sent before the answer to the one
 * before them came are one trip.
 */
@QuarkusTest
class WriteStatementsTest {

    /**
     * Idempotency claim (its answer with it), resident, open-draft count, the row, its history, its event, its timeline
     * entry, the wallet read below. 13
     * while the item was read from the database on every write, 12 since it comes through the catalogue's cache (issue
     * 16); 13 since the answer lists the materials the resident's wallet can stand in for (免提交, issue 12); 10 since the
     * timeline entry is written in the draft's own transaction; 9 since the number comes from the node's block of them
     * (one {@code nextval} in {@value ApplicationNumbers#BLOCK} drafts, left out of the count below so that the figure
     * does not depend on where in its block a draft falls); 8 since the answer, known before anything is written, goes in
     * with the key's claim instead of after the writes (issue 16); 4 since the count and the writes after it are one
     * statement, the writes as data-modifying members of the count's {@code WITH} (issue 16); 5 with the transaction's
     * {@code SET LOCAL plan_cache_mode} sent with begin (Transactions#GENERIC_PLANS; no round trip of its own).
     */
    static final int DRAFT_BUDGET = 5;
    /**
     * The draft's statements go in three round trips (issue 16): the key's claim with the resident's lock (begin, which
     * the trace does not show, sent with them), then the count with every write, then (after the commit, one more) the
     * wallet read for the answer's 免提交 list. Nine, and begin and commit, when Hibernate sent each statement after the
     * answer to the one before.
     */
    static final int DRAFT_ROUND_TRIPS = 3;
    /**
     * A submission with a signed commitment covering three materials: the same reads plus the materials, the
     * placeholders, history and row, its timeline entry and inbox message. 20 before rows of one kind went in one
     * batch, the delivered events were read in one query and the item came from the cache (issue 16), 14 since; still
     * 14 with the timeline entry and the inbox message moved from that delivery into the submission's transaction; 13
     * since the delivery at commit takes the events as the writer kept them instead of reading them back (issue 16); 11
     * since live progress and the hot ranking are handed the event by the writer after its commit, with no delivery row
     * (no claim, no DONE, no second transaction; issue 16); 5 since a resident's submission of an item's draft is sent on
     * the reactive SQL client: the key's claim, the lock, the materials and the resident's name, then every write as a
     * member of the row's update, one statement (issue 16); 6 with the transaction's {@code SET LOCAL plan_cache_mode}
     * sent with begin (Transactions#GENERIC_PLANS); still 6 with the key looked up under the draft's lock instead of
     * claimed before it, its record then written once among the writes (Idempotency.Check).
     */
    static final int SUBMIT_BUDGET = 6;
    /**
     * The submission's statements go in two round trips (issue 16), begin and commit not counted as for the draft: the
     * lock, the key's lookup, the materials and the resident's name; then the writes.
     */
    static final int SUBMIT_ROUND_TRIPS = 2;

    @Inject
    CollectedSpans spans;

    @Test
    void aDraftAndASubmissionStayWithinTheirStatementBudgets() {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(true);
        String resident = Logins.newResidentToken();
        roundTrip(resident, dept.item(), "warm-" + UUID.randomUUID(), CollectedSpans.newTraceId(), CollectedSpans.newTraceId());
        String id = "stmts-" + UUID.randomUUID();
        String draftTrace = CollectedSpans.newTraceId();
        String submitTrace = CollectedSpans.newTraceId();
        roundTrip(resident, dept.item(), id, draftTrace, submitTrace);

        List<SpanData> draft = statements(draftTrace);
        List<SpanData> submit = statements(submitTrace);
        System.out.printf("Statements: draft %d in %d round trips, submit %d in %d%n", draft.size(),
                CollectedSpans.roundTrips(draft), submit.size(), CollectedSpans.roundTrips(submit));
        assertTrue(draft.size() > 3 && submit.size() > 3, "the statements were not seen: draft " + CollectedSpans.text(draft)
                + ", submit " + CollectedSpans.text(submit));
        assertTrue(draft.size() <= DRAFT_BUDGET, "a draft sent " + draft.size() + " statements, budget " + DRAFT_BUDGET
                + ":\n  " + CollectedSpans.text(draft));
        assertTrue(CollectedSpans.roundTrips(draft) <= DRAFT_ROUND_TRIPS, "a draft's statements took "
                + CollectedSpans.roundTrips(draft) + " round trips, budget " + DRAFT_ROUND_TRIPS + ":\n  "
                + CollectedSpans.text(draft));
        assertTrue(submit.size() <= SUBMIT_BUDGET, "a submission sent " + submit.size() + " statements, budget "
                + SUBMIT_BUDGET + ":\n  " + CollectedSpans.text(submit));
        // The key's record is one row version: written once with its answer (Idempotency.Check), not claimed and then
        // answered (the sealed answer, ~1.7 KB, a second time in the write-ahead log).
        assertEquals(1, CollectedSpans.occurrences(submit, "INSERT INTO idempotency_record"), CollectedSpans.text(submit));
        assertEquals(0, CollectedSpans.occurrences(submit, "UPDATE idempotency_record"), CollectedSpans.text(submit));
        assertTrue(CollectedSpans.roundTrips(submit) <= SUBMIT_ROUND_TRIPS, "a submission's statements took "
                + CollectedSpans.roundTrips(submit) + " round trips, budget " + SUBMIT_ROUND_TRIPS + ":\n  "
                + CollectedSpans.text(submit));
    }

    private static void roundTrip(String resident, String item, String id, String draftTrace, String submitTrace) {
        String no = given().auth().oauth2(resident).contentType(ContentType.JSON).header("Idempotency-Key", id + "-draft")
                .header("traceparent", CollectedSpans.sampled(draftTrace))
                .body("{\"itemCode\":\"" + item + "\",\"formData\":" + ApplicationFixtures.FORM + "}")
                .post("/api/v1/applications").then().statusCode(201).extract().path("applicationNo");
        given().auth().oauth2(resident).contentType(ContentType.JSON).header("Idempotency-Key", id + "-submit")
                .header("traceparent", CollectedSpans.sampled(submitTrace))
                .body("{\"commitment\":{\"accepted\":true}}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200);
    }

    /** The PostgreSQL statements of a request's trace in the order they were sent, the number block's left out. */
    private List<SpanData> statements(String traceId) {
        return spans.statements(traceId, "nextval('application_number_seq')");
    }
}
