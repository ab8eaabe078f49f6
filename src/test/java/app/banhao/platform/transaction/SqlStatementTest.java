package app.banhao.platform.transaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Tuple;

/** One statement text for both ways of sending it: JPA's ordinal parameters for Hibernate, PostgreSQL's for the client. */
class SqlStatementTest {

    @Test
    void ordinalParametersBecomePostgresPlaceholdersNumbersOfTwoDigitsIncluded() {
        SqlStatement s = SqlStatement.of("INSERT INTO t (a, b, c) VALUES (?1, cast(cast(?12 AS text) AS jsonb), ?2) -- '?' kept", null);
        assertEquals("INSERT INTO t (a, b, c) VALUES ($1, cast(cast($12 AS text) AS jsonb), $2) -- '?' kept", s.postgresText());
    }

    @Test
    void bytesAreBoundAsABufferAnEnumByItsNameNullsAsNull() {
        byte[] bytes = {1, 2, 3};
        Tuple t = SqlStatement.of("SELECT ?1, ?2, ?3, ?4", null, bytes, DayOfWeek.MONDAY, null, 7L).tuple();
        assertArrayEquals(bytes, ((Buffer) t.getValue(0)).getBytes());
        assertEquals("MONDAY", t.getValue(1));
        assertNull(t.getValue(2));
        assertEquals(7L, t.getValue(3));
    }

    @Test
    void writesGoInFrontOfTheQueryAsMembersOfItsWithTheirParametersRenumbered() {
        SqlStatement count = SqlStatement.of("SELECT count(*) FROM a WHERE r = ?1", null, "r1");
        List<SqlStatement> sent = SqlStatement.withWrites(count, List.of(
                SqlStatement.of("INSERT INTO a (x, y) VALUES (?1, ?2)", null, "x1", "y1"),
                SqlStatement.of("INSERT INTO b (x) VALUES (?1) ON CONFLICT DO NOTHING", null, "x2")));
        assertEquals(1, sent.size());
        assertEquals("WITH w0 AS (INSERT INTO a (x, y) VALUES (?1, ?2)), w1 AS (INSERT INTO b (x) VALUES (?3) ON CONFLICT DO NOTHING)"
                + " SELECT count(*) FROM a WHERE r = ?4", sent.get(0).sql());
        assertEquals(List.of("x1", "y1", "x2", "r1"), sent.get(0).values());
    }

    @Test
    void renumberingShiftsEveryOrdinalParameterAndLeavesOtherQuestionMarksAlone() {
        StringBuilder out = new StringBuilder("x ");
        SqlStatement.appendRenumbered(out, "?1 ?12, '?', ?a ?? (?9)?10", 7);
        assertEquals("x ?8 ?19, '?', ?a ?? (?16)?17", out.toString());
        StringBuilder end = new StringBuilder();
        SqlStatement.appendRenumbered(end, "VALUES (?1, ?", 3);
        assertEquals("VALUES (?4, ?", end.toString());
    }

    @Test
    void aWriteWithAWithOfItsOwnAndThoseAfterItAreSentApartInTheirOrder() {
        SqlStatement count = SqlStatement.of("SELECT 1", null);
        SqlStatement plain = SqlStatement.of("INSERT INTO a VALUES (?1)", null, 1);
        SqlStatement withOwn = SqlStatement.of("WITH e AS (INSERT INTO b VALUES (?1) RETURNING id) INSERT INTO c SELECT id FROM e", null, 2);
        SqlStatement after = SqlStatement.of("INSERT INTO d VALUES (?1)", null, 3);
        List<SqlStatement> sent = SqlStatement.withWrites(count, List.of(plain, withOwn, after));
        assertEquals(3, sent.size());
        assertEquals("WITH w0 AS (INSERT INTO a VALUES (?1)) SELECT 1", sent.get(0).sql());
        assertEquals(List.of(withOwn, after), sent.subList(1, 3));
        assertEquals(List.of(count, withOwn), SqlStatement.withWrites(count, List.of(withOwn)));
    }
}
