package app.banhao.application.submission;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.faults.Await;
import app.banhao.testing.Logins;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What one draft and one submission write into PostgreSQL, read back from its write-ahead log ({@code pg_walinspect}):
 * the row versions, row locks and index entries of the request's own transaction, by relation. Most of PostgreSQL's
 * part of a submission is this writing (an index entry, a row, a foreign key's lock on the row it refers to: each a
 * record to build, log and later vacuum; issue 16), and {@link WriteStatementsTest}'s statement count does not see it: an
 * index added to {@code application}, or a row more per material, leaves the statements as they are. Unlike a timed
 * run the count is exact, the same on every machine and every run: page splits and deduplications (which depend on
 * what else the tables hold) are left out, and so are the log's bytes, which full-page images after a checkpoint
 * inflate. The budgets are today's counts, so that a write added on either path is seen here first.
 */
@QuarkusTest
class WriteVolumeTest {

    /**
     * A draft: its row (and the share lock its history row's foreign key takes on it) with 5 index entries (the key,
     * the number, the resident's list, the worklist, the open drafts), its history row, timeline entry and event with
     * 2 or 3 each, the key's record with 2, and the share locks the foreign keys take on the resident and on the
     * catalogue item. 24 with the index of the resident's list by state (V880).
     */
    static final int DRAFT_BUDGET = 23;
    /**
     * A submission with a signed commitment covering the fixture item's three materials: the row's lock and new version
     * (not a HOT update: its state and due date are indexed) with 5 index entries, a placeholder row with 2 index entries
     * per material, the history row, timeline entry, event and inbox message with theirs, the key's record, and the
     * share lock the message's foreign key takes on the resident. 36 with the index of the resident's list by state.
     */
    static final int SUBMIT_BUDGET = 35;

    /** The row versions, row locks and index entries a transaction wrote, by relation, in a log range. */
    private static final String WRITES = "SELECT coalesce(c.relname, r.block_ref), count(*)"
            + " FROM pg_get_wal_records_info(?::pg_lsn, ?::pg_lsn) r"
            + " LEFT JOIN pg_class c ON c.relfilenode = substring(r.block_ref FROM 'rel \\d+/\\d+/(\\d+)')::oid"
            + " WHERE r.xid = ?::xid AND ((r.resource_manager = 'Heap' AND r.record_type ~ '^(INSERT|UPDATE|HOT_UPDATE|LOCK)')"
            + " OR (r.resource_manager = 'Btree' AND r.record_type IN ('INSERT_LEAF', 'INSERT_POST')))"
            + " GROUP BY 1 ORDER BY 2 DESC, 1";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void walinspect() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
        }
    }

    @Test
    void aDraftAndASubmissionWriteNoMoreRowsAndIndexEntriesThanTheirBudgets() throws Exception {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(true);
        String resident = Logins.newResidentToken();
        String id = "volume-" + UUID.randomUUID();

        String start = lsn();
        String no = given().auth().oauth2(resident).contentType(ContentType.JSON).header("Idempotency-Key", id + "-draft")
                .body("{\"itemCode\":\"" + dept.item() + "\",\"formData\":" + ApplicationFixtures.FORM + "}")
                .post("/api/v1/applications").then().statusCode(201).extract().path("applicationNo");
        String drafted = writerOf(no);
        String middle = lsn();
        given().auth().oauth2(resident).contentType(ContentType.JSON).header("Idempotency-Key", id + "-submit")
                .body("{\"commitment\":{\"accepted\":true}}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200);
        String submitted = writerOf(no);
        String end = lsn();

        Map<String, Integer> draft = writes(start, middle, drafted);
        Map<String, Integer> submit = writes(middle, end, submitted);
        int draftTotal = total(draft);
        int submitTotal = total(submit);
        System.out.printf("Writes: draft %d %s, submission %d %s%n", draftTotal, draft, submitTotal, submit);

        // Seen at all: the row and its primary key in each, so an empty or misread log cannot pass.
        assertTrue(draft.getOrDefault("application", 0) >= 1 && draft.getOrDefault("application_pkey", 0) == 1,
                "the draft's writes: " + draft);
        assertTrue(submit.getOrDefault("application", 0) >= 1, "the submission's writes: " + submit);
        // The key's record is one row version in each: written once with its answer, never claimed and then answered.
        assertEquals(1, draft.get("idempotency_record"), "the draft's writes: " + draft);
        assertEquals(1, submit.get("idempotency_record"), "the submission's writes: " + submit);
        assertTrue(draftTotal <= DRAFT_BUDGET, "a draft wrote " + draftTotal + " rows, locks and index entries, budget "
                + DRAFT_BUDGET + ": " + draft);
        assertTrue(submitTotal <= SUBMIT_BUDGET, "a submission wrote " + submitTotal + " rows, locks and index entries, budget "
                + SUBMIT_BUDGET + ": " + submit);
    }

    private static int total(Map<String, Integer> writes) {
        return writes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The transaction that wrote the application's current row version. */
    private String writerOf(String applicationNo) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT xmin::text FROM application WHERE application_no = ?")) {
            st.setString(1, applicationNo);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), applicationNo + " not found");
                return rs.getString(1);
            }
        }
    }

    /** Where the log is being written now. */
    private String lsn() throws SQLException {
        return one("SELECT pg_current_wal_insert_lsn()::text");
    }

    private Map<String, Integer> writes(String from, String to, String xid) throws Exception {
        // The test server may commit without waiting for the flush; the inspector reads only what is flushed.
        Await.until(Duration.ofSeconds(10), "the log flushed to " + to, () -> {
            try {
                return "t".equals(one("SELECT pg_current_wal_flush_lsn() >= '" + to + "'::pg_lsn"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, Integer> writes = new TreeMap<>();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(WRITES)) {
            st.setString(1, from);
            st.setString(2, to);
            st.setString(3, xid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    writes.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return writes;
    }

    private String one(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
