package app.banhao.platform.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;

/** What PostgreSQL says while it restarts is "down, retry later", not a fault of ours. */
class DependencyFailuresTest {

    @Test
    void databaseStartingOrStoppingIsDown() {
        // Seen by PostgresOutageTest as a 500 before: the first connection after a restart.
        assertTrue(DependencyFailures.isDependencyDown(
                new HibernateException(new PgException("the database system is starting up", "FATAL", "57P03", null))));
        assertTrue(DependencyFailures.isDependencyDown(
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null)));
        assertTrue(DependencyFailures.isDependencyDown(new SQLException("Connection attempt failed", "08001")));
        // Also seen as a 500: the server went away while a query was in flight.
        assertTrue(DependencyFailures.isDependencyDown(new java.net.SocketException("Connection reset")));
        // The SQL client's words for statements still queued on a connection PostgreSQL closed (a 500 in CI).
        assertTrue(DependencyFailures.isDependencyDown(new HibernateException(new java.util.concurrent.CompletionException(
                new NoStackTraceThrowable("Pending requests failed to be sent due to connection has been closed.")))));
        assertTrue(DependencyFailures.isDependencyDown(new VertxException(
                "Pending requests failed to be sent due to connection has been closed.", new IllegalStateException())));
        // The pool's word for no connection free within its wait (a 500 in the bench of 2026-12-06).
        assertTrue(DependencyFailures.isDependencyDown(new HibernateException(new NoStackTraceThrowable("Timeout"))));
    }

    @Test
    void errorsOfTheQueryItselfAreNot() {
        assertFalse(DependencyFailures.isDependencyDown(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(DependencyFailures.isDependencyDown(new SQLException("syntax error", "42601")));
        assertFalse(DependencyFailures.isDependencyDown(new IllegalStateException("bug")));
        assertFalse(DependencyFailures.isDependencyDown(new IllegalStateException("HR000025: Session closed")));
        assertFalse(DependencyFailures.isDependencyDown(new IllegalStateException("Timeout")));
        assertFalse(DependencyFailures.isDependencyDown(new NoStackTraceThrowable("Timeout of the form's own")));
    }
}
