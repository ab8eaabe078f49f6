package app.banhao.platform.error;

import java.net.ConnectException;
import java.util.Set;

/**
 * Recognises failures that mean PostgreSQL or Redis is unreachable, which the caller should see as a
 * 503 with {@code Retry-After} rather than a 500 (DESIGN.md §6).
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

    public static boolean isDependencyDown(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || DOWN_TYPES.contains(t.getClass().getName())) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Connection refused") || message.contains("Connection is closed")
                    || message.contains("Timeout waiting for connection") || message.contains("Fail to read any response"))) {
                return true;
            }
        }
        return false;
    }
}
