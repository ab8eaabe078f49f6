package app.banhao.platform.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A statement longer than the client's default limit (2,048 characters), like a submission's writes in one statement,
 * stays prepared on its connection: PostgreSQL parses and plans it once, not on every request.
 */
@QuarkusTest
class PreparedStatementPoolTest {

    @Inject
    Pool pool;

    @Test
    void aLongStatementIsPreparedOnceOnItsConnection() {
        // 3,000 characters of a select whose text is unique to this test.
        String padding = " ".repeat(3_000);
        String sql = "SELECT $1::int + 1 AS answer /* PreparedStatementPoolTest */" + padding;
        long kept = pool.withConnection(c -> c.preparedQuery(sql).execute(Tuple.of(41))
                .invoke(rows -> assertEquals(42, rows.iterator().next().getInteger(0)))
                .chain(() -> c.preparedQuery(sql).execute(Tuple.of(1)))
                .chain(() -> c.preparedQuery("SELECT count(*) FROM pg_prepared_statements"
                        + " WHERE statement LIKE '%PreparedStatementPoolTest%' AND length(statement) > 2048").execute())
                .map(rows -> rows.iterator().next().getLong(0)))
                .await().indefinitely();
        assertTrue(kept >= 1, "the 3,000-character statement is not kept prepared on its connection");
        assertTrue(PreparedStatementPool.CACHED_SQL_LIMIT > sql.length());
    }
}
