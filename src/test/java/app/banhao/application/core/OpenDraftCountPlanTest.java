package app.banhao.application.core;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.web.RequestIds;
import app.banhao.testing.LogCapture;
import app.banhao.testing.Logins;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The open-draft count every draft makes under the resident's lock ({@code ResidentQuotas.requireDraftRoom}) can be
 * answered from the partial index of open drafts (V870) by the prepared statement's generic plan, the one a
 * connection settles on after five executions. With the state bound as a parameter it could not: the count went
 * through every draft the resident ever made. Two statements say it: the one a resident's draft of one item sends on the
 * reactive SQL client ({@link ResidentQuotas#openDrafts}), and the one Hibernate sends for a bundle's (and an agent's)
 * draft, taken from its log; so a change to either query is checked as it is.
 */
@QuarkusTest
class OpenDraftCountPlanTest {

    private static final Logger SQL = Logger.getLogger("org.hibernate.SQL");

    @Inject
    AgroalDataSource db;

    @Inject
    ResidentQuotas quotas;

    @Test
    void theGenericPlanOfTheCountOfAnItemDraftCanReadThePartialIndex() throws Exception {
        assertTheGenericPlanReadsThePartialIndex(quotas.openDrafts(UUID.randomUUID()).postgresText());
    }

    @Test
    void theGenericPlanOfTheCountOfABundleDraftCanReadThePartialIndex() throws Exception {
        assertTheGenericPlanReadsThePartialIndex(countStatementOfABundleDraft());
    }

    private void assertTheGenericPlanReadsThePartialIndex(String count) throws Exception {
        List<String> plan = new ArrayList<>();
        // Its parameters' types as PostgreSQL infers them, each given as NULL: a generic plan does not depend on them.
        int parameters = Pattern.compile("\\$(\\d+)").matcher(count).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        String nulls = String.join(", ", Collections.nCopies(parameters, "NULL"));
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                // The test database is small enough to be read whole; what matters is which index the plan can use.
                st.execute("SET LOCAL enable_seqscan = off");
                st.execute("PREPARE open_drafts AS " + count);
                try (ResultSet rows = st.executeQuery("EXPLAIN EXECUTE open_drafts(" + nulls + ")")) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
            } finally {
                c.rollback();
                st.execute("DEALLOCATE ALL");
            }
        }
        String shown = String.join("\n  ", plan);
        assertTrue(shown.contains("application_open_drafts"), "the count's generic plan:\n  " + shown + "\nfor " + count);
        assertTrue(shown.contains("Index Only Scan"), "the count's generic plan:\n  " + shown);
    }

    /** The open-draft count as Hibernate sent it for a bundle's draft, its parameters as {@code $1}, {@code $2}, … */
    private static String countStatementOfABundleDraft() {
        ApplicationFixtures.Bundle bundle = ApplicationFixtures.bundle();
        String resident = Logins.newResidentToken();
        String id = "open-drafts-" + UUID.randomUUID();
        Level level = SQL.getLevel();
        SQL.setLevel(Level.FINE);
        List<String> counts;
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(resident).contentType(ContentType.JSON).header(RequestIds.HEADER, id)
                    .body("{\"bundleCode\":\"" + bundle.code() + "\",\"formData\":" + ApplicationFixtures.FORM + "}")
                    .post("/api/v1/applications").then().statusCode(201);
            counts = log.statementsOf(id).stream()
                    .filter(line -> line.contains("count(") && line.contains(" application ") && line.contains("state"))
                    .toList();
        } finally {
            SQL.setLevel(level);
        }
        assertEquals(1, counts.size(), "one open-draft count in the draft's statements: " + counts);
        return counts.get(0);
    }
}
