package app.banhao.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail trail;

    @Inject
    DataSource jdbc;

    @Test
    void recordsAnEventOutsideARequestAsSystem() throws Throwable {
        String target = UUID.randomUUID().toString();
        VertxContextSupport.subscribeAndAwait(() -> trail.recordAlone(AuditEvent.of("test.event")
                .target("thing", target).details(Map.of("reason", "because"))));
        try (Connection c = jdbc.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT action, outcome, actor_type, details->>'reason' FROM audit_log WHERE target_id = '" + target + "'")) {
            assertTrue(rs.next());
            assertEquals("test.event", rs.getString(1));
            assertEquals("SUCCESS", rs.getString(2));
            assertEquals("system", rs.getString(3));
            assertEquals("because", rs.getString(4));
        }
    }

    @Test
    void linesCannotBeChangedDeletedOrTruncated() throws Throwable {
        String target = UUID.randomUUID().toString();
        VertxContextSupport.subscribeAndAwait(() -> trail.recordAlone(AuditEvent.of("test.guard").target("thing", target)));
        try (Connection c = jdbc.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_log SET outcome = 'FAILURE' WHERE target_id = '" + target + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log WHERE target_id = '" + target + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE audit_log"));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE target_id = '" + target + "'")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
