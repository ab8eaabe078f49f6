package app.banhao.platform.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import app.banhao.platform.error.DependencyFailures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.pgclient.PgException;

/**
 * A unit of work that runs again when it lost a race with another one, instead of failing the request: the one
 * retry every service uses. PostgreSQL ends one of two conflicting transactions (deadlock 40P01, serialization
 * failure 40001), a versioned row changed by someone else since it was read fails the flush
 * ({@link OptimisticLockException}), a row another transaction inserted first fails the insert (23505); in each
 * case nothing was kept, so the whole unit simply runs again from
 * nothing, in a new session, after a short jittered pause that lets the winner commit.
 */
public final class Transactions {

    /** Retries after the first run: enough for ten simultaneous writers of one row to each get their turn. */
    public static final int CONFLICT_RETRIES = 5;
    private static final Duration BACKOFF = Duration.ofMillis(20);
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * The writers on the reactive SQL client look rows up by key and write them: their best plan does not depend on the
     * values. Left to choose (plan_cache_mode auto), PostgreSQL planned the submission's draft lock and its materials
     * query anew on nearly every execution of their prepared statements under the bench's 50 connections
     * (pg_stat_statements: 6,642 plans in 7,737 calls and 7,729 in 7,729, 450 µs of planning time a submission on 2
     * busy cores), though their generic plan is the same index scan and 4 connections did get it; with this setting
     * neither is planned again after its first run on a connection.
     */
    static final SqlStatement GENERIC_PLANS = SqlStatement.of("SET LOCAL plan_cache_mode = force_generic_plan", null);

    private Transactions() {
    }

    /**
     * Runs {@code work} in a transaction of its own, again after a lost race (see the class comment). {@code work}
     * must start from nothing each time it is called: load what it changes inside, not before.
     */
    public static <T> Uni<T> retryingConflicts(Supplier<? extends Uni<? extends T>> work) {
        return Panache.withTransaction(() -> work.get().<T>map(item -> item))
                .onFailure(Transactions::isLostRace).retry()
                .withBackOff(BACKOFF, BACKOFF.multipliedBy(10)).withJitter(0.5).atMost(CONFLICT_RETRIES);
    }

    /**
     * {@link #retryingConflicts} for a writer that sends its statements itself on the reactive SQL client underneath
     * Hibernate (the same pool): a transaction of its own on one connection, whose {@code BEGIN} goes out with
     * {@code first} (pipelined: no round trip of its own), their results handed to {@code then}, which may send more
     * on the connection; committed when {@code then}'s item comes, rolled back when anything failed, and run again from
     * nothing after a lost race. The transaction plans with {@link #GENERIC_PLANS}.
     */
    public static <T> Uni<T> retryingConflicts(Pool pool, List<SqlStatement> first,
            BiFunction<SqlConnection, List<RowSet<Row>>, Uni<T>> then) {
        List<SqlStatement> sent = new ArrayList<>(first.size() + 1);
        sent.add(GENERIC_PLANS);
        sent.addAll(first);
        return pool.withConnection(connection -> {
            AtomicReference<Transaction> tx = new AtomicReference<>();
            return Uni.combine().all().unis(connection.begin().invoke(tx::set), SqlStatement.pipelined(connection, sent)).asTuple()
                    .chain(begun -> then.apply(connection, begun.getItem2().subList(1, sent.size())))
                    .call(() -> tx.get().commit())
                    .onFailure().call(() -> tx.get() == null ? Uni.createFrom().voidItem()
                            : tx.get().rollback().onFailure().recoverWithNull());
        }).onFailure(Transactions::isLostRace).retry()
                .withBackOff(BACKOFF, BACKOFF.multipliedBy(10)).withJitter(0.5).atMost(CONFLICT_RETRIES);
    }

    /**
     * A transaction that lost a race: a PostgreSQL conflict, a versioned row someone else changed first, or a
     * row someone else inserted first (two creates of one key both found nothing; run again, the loser finds it).
     */
    public static boolean isLostRace(Throwable error) {
        return DependencyFailures.isTransientConflict(error) || isStaleWrite(error) || isDuplicateKey(error);
    }

    private static boolean isDuplicateKey(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    || t instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || t instanceof org.hibernate.JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A versioned row changed (or removed) by another transaction since this one read it. */
    public static boolean isStaleWrite(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
