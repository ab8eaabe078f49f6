package app.banhao.platform.transaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;

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
}
