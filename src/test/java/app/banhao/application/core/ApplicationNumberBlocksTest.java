package app.banhao.application.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** Issue 16: a node takes application numbers from the sequence a block at a time, and hands them out rising. */
@QuarkusTest
class ApplicationNumberBlocksTest {

    @Inject
    ApplicationNumbers numbers;

    @Inject
    DataSource db;

    @Test
    void theSequenceStepsByTheBlockTheCodeHandsOut() throws Exception {
        assertEquals(ApplicationNumbers.BLOCK, query("SELECT increment_by FROM pg_sequences WHERE sequencename = 'application_number_seq'"));
    }

    @Test
    void fortyFiveNumbersTakeAtMostThreeBlocksAndRiseWithoutRepeating() throws Throwable {
        long before = query("SELECT last_value FROM application_number_seq");
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            taken.add(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(numbers::next)));
        }
        long after = query("SELECT last_value FROM application_number_seq");
        long blocks = (after - before) / ApplicationNumbers.BLOCK;
        assertTrue(blocks <= 3, "45 numbers took " + blocks + " calls of nextval");
        assertEquals(45, taken.stream().distinct().count(), "no number twice");
        for (int i = 1; i < taken.size(); i++) {
            // Same region and day: the 22 digits compare as the numbers do.
            assertTrue(taken.get(i).compareTo(taken.get(i - 1)) > 0, "rising: " + taken.get(i - 1) + " then " + taken.get(i));
        }
    }

    private long query(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
