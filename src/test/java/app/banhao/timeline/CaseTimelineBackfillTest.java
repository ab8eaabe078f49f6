package app.banhao.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.testing.EmbeddedServersResource;

/**
 * The migration that brings the timeline in copies each old case's history onto it: run on a database of its own,
 * migrated to just before the timeline, given a case with a history, then migrated the rest of the way.
 */
class CaseTimelineBackfillTest {

    @Test
    void anOldCaseKeepsItsWholeHistoryInItsOrder() throws SQLException {
        EmbeddedServers servers = EmbeddedServersResource.servers();
        String database = "backfill_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = servers.connect("postgres"); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try {
            Map<String, String> config = servers.config();
            String url = config.get("quarkus.datasource.jdbc.url").replaceFirst("/[^/]+$", "/" + database);
            Supplier<FluentConfiguration> flyway = () -> Flyway.configure().dataSource(url, config.get("quarkus.datasource.username"),
                    config.get("quarkus.datasource.password")).locations("classpath:db/migration");
            // The last migration before the timeline's, whichever it is by the time this runs.
            String before = Arrays.stream(flyway.get().load().info().all()).map(MigrationInfo::getVersion)
                    .filter(v -> v.compareTo(MigrationVersion.fromVersion("410")) < 0).max(MigrationVersion::compareTo)
                    .orElseThrow().getVersion();
            flyway.get().target(before).load().migrate();
            try (Connection c = servers.connect(database); Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO resident (id, phone_enc, phone_idx, level, created_at, updated_at)
                        VALUES ('00000000-0000-0000-0000-00000000000a', '\\x01', '\\x02', 'L1', now(), now());
                        INSERT INTO application (id, application_no, resident_id, bundle_code, item_name, department_code, state,
                                                 query_code, created_at, updated_at)
                        VALUES ('00000000-0000-0000-0000-0000000000a1', '4300002025010100000001',
                                '00000000-0000-0000-0000-00000000000a', 'OLD-BUNDLE', '旧事项', NULL, 'SUBMITTED', 'ABCDEFGH', now(), now());
                        INSERT INTO application_event (id, application_id, at, actor_kind, actor_id, actor_display, from_state,
                                                       to_state, type, note) VALUES
                        ('00000000-0000-0000-0000-0000000000e3', '00000000-0000-0000-0000-0000000000a1', '2025-01-01T02:00:02Z',
                         'SYSTEM', 'instant-approval', '秒批系统', NULL, NULL, 'INSTANT_REVIEW', '秒批未通过：实名认证未达到 L2'),
                        ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000a1', '2025-01-01T02:00:00Z',
                         'RESIDENT', 'r', '张*', NULL, 'DRAFT', 'CREATED', NULL),
                        ('00000000-0000-0000-0000-0000000000e2', '00000000-0000-0000-0000-0000000000a1', '2025-01-01T02:00:01Z',
                         'RESIDENT', 'r', '张*', 'DRAFT', 'SUBMITTED', 'SUBMITTED', NULL);
                        """);
            }
            flyway.get().load().migrate();
            try (Connection c = servers.connect(database); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT application_no || ' ' || source || ' ' || event_id || ' ' || kind"
                            + " || ' ' || actor_kind || ' ' || actor_display || ' ' || coalesce(from_state, '-') || ' '"
                            + " || coalesce(to_state, '-') || ' ' || coalesce(note, '-') || ' ' || visibility || ' ' || params"
                            + " FROM case_timeline_entry ORDER BY at, id")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                assertEquals(List.of(
                        "4300002025010100000001 application 00000000-0000-0000-0000-0000000000e1 CREATED RESIDENT 张* - DRAFT - RESIDENT {\"args\": []}",
                        "4300002025010100000001 application 00000000-0000-0000-0000-0000000000e2 SUBMITTED RESIDENT 张* DRAFT SUBMITTED - RESIDENT {\"args\": []}",
                        "4300002025010100000001 application 00000000-0000-0000-0000-0000000000e3 INSTANT_REVIEW SYSTEM 秒批系统 - - 秒批未通过：实名认证未达到 L2 RESIDENT {\"args\": []}"),
                        rows);
            }
        } finally {
            try (Connection admin = servers.connect("postgres"); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }
}
