package app.banhao.platform.error;

import java.net.SocketException;
import java.sql.SQLException;
import java.util.Set;

import io.vertx.pgclient.PgException;

/**
 * Recognises failures that mean PostgreSQL or Redis is unreachable, or that PostgreSQL gave up a
 * transaction over a conflict, which the caller should see as a 503 with {@code Retry-After} rather than
 * a 500 (DESIGN.md §6).
 */
public final class DependencyFailures {

    private static final Set<String> DOWN_TYPES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.netty.channel.ConnectTimeoutException",
            "io.netty.channel.AbstractChannel$AnnotatedConnectException",
            "io.smallrye.mutiny.TimeoutException",
            "java.util.concurrent.TimeoutException");

    private DependencyFailures() {
    }

    /**
     * PostgreSQL's own word that it cannot serve now: a connection failure (class 08), shutting down or
     * starting up (57P01 to 57P03, e.g. "the database system is starting up" while it restarts), or out
     * of connections (53300).
     */
    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300"));
    }

    private static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        return t instanceof SQLException sql ? sql.getSQLState() : null;
    }

    /**
     * PostgreSQL ended the transaction to resolve a conflict with another one: a deadlock (40P01) or a
     * serialization failure (40001). Nothing of it was kept, so the whole unit of work may simply run again.
     */
    public static boolean isTransientConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            if ("40P01".equals(state) || "40001".equals(state)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isDependencyDown(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A socket error that reaches the REST layer is one of ours to PostgreSQL or Redis (refused, reset).
            if (t instanceof SocketException || DOWN_TYPES.contains(t.getClass().getName()) || isUnavailableState(sqlState(t))) {
                return true;
            }
            if (isLostConnectionMessage(t.getMessage()) || isPoolTimeout(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Vert.x pools' word for a connection they could not hand out within their wait (30 s): every one busy for
     * that long is an overload to retry later, not a fault of the request (the bench's stall of 2026-12-06 answered
     * it as a 500).
     */
    private static boolean isPoolTimeout(Throwable t) {
        return "io.vertx.core.impl.NoStackTraceThrowable".equals(t.getClass().getName()) && "Timeout".equals(t.getMessage());
    }

    /**
     * The clients' words for a connection that is gone or never came, when they say it with a plain
     * {@code VertxException}/{@code NoStackTraceThrowable} rather than a type of their own: e.g. the SQL
     * client failing the statements still queued on a connection PostgreSQL just closed ("Pending requests
     * failed to be sent due to connection has been closed."), seen as a 500 by PostgresOutageTest in CI.
     */
    private static boolean isLostConnectionMessage(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase(java.util.Locale.ROOT);
        return text.contains("timeout waiting for connection") || text.contains("read any response")
                || (text.contains("connection") && (text.contains("closed") || text.contains("refused")
                        || text.contains("reset") || text.contains("lost")));
    }
}
