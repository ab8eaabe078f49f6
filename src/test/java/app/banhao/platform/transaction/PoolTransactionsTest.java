package app.banhao.platform.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A writer's transaction on the reactive SQL client plans its prepared statements once (generic plans) and leaves the
 * connection as it found it for whoever takes it next.
 */
@QuarkusTest
class PoolTransactionsTest {

    private static final String MODE = "SELECT current_setting('plan_cache_mode')";

    @Inject
    Pool pool;

    @Test
    void theTransactionUsesGenericPlansAndTheSettingEndsWithIt() {
        List<String> seen = Transactions.retryingConflicts(pool, List.of(SqlStatement.of(MODE, null)),
                (connection, read) -> {
                    String first = read.get(0).iterator().next().getString(0);
                    return SqlStatement.pipelined(connection, List.of(SqlStatement.of(MODE, null)))
                            .map(then -> List.of(first, then.get(0).iterator().next().getString(0)));
                }).await().indefinitely();
        assertEquals(List.of("force_generic_plan", "force_generic_plan"), seen, "the first statements' results are theirs");
        // SET LOCAL ends with the transaction: whichever connection the pool hands out next (the one just returned
        // among them) has the server's default again.
        for (int i = 0; i < 30; i++) {
            String after = pool.withConnection(c -> c.query(MODE).execute())
                    .map(rows -> rows.iterator().next().getString(0)).await().indefinitely();
            assertEquals("auto", after);
        }
        assertEquals(1, Transactions.retryingConflicts(pool, List.of(SqlStatement.of("SELECT 1", null)),
                (connection, read) -> Uni.createFrom().item(read.size())).await().indefinitely(),
                "the writer sees the results of its own statements only");
    }
}
