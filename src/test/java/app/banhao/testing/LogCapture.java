package app.banhao.testing;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import app.banhao.platform.web.RequestIds;

/**
 * Every record the application's loggers publish while open (JBoss LogManager hands them to the root
 * logger's handlers), so a test can assert on the log or show the server's side of a failure it saw.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final ConcurrentLinkedQueue<LogRecord> records = new ConcurrentLinkedQueue<>();

    private LogCapture() {
    }

    /** Starts capturing, after proving the capture sees the application's loggers at all. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        org.jboss.logging.Logger.getLogger("app.banhao.testing.canary").warn("log capture canary");
        if (capture.records.stream().noneMatch(r -> describe(r).contains("log capture canary"))) {
            capture.close();
            throw new IllegalStateException("the log capture saw nothing");
        }
        capture.records.clear();
        return capture;
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /**
     * The SQL statements Hibernate logged ({@code org.hibernate.SQL} at debug) while serving the request whose
     * {@code X-Request-Id} was {@code requestId}, each on one line.
     */
    public List<String> statementsOf(String requestId) {
        return records.stream()
                .filter(r -> "org.hibernate.SQL".equals(r.getLoggerName()) && requestId.equals(mdc(r, RequestIds.MDC_KEY)))
                .map(r -> (r instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage())
                        .replaceAll("\\s+", " ").trim())
                .toList();
    }

    /** The records matching {@code filter}, each as one line with its level, logger, message and causes. */
    public List<String> lines(Predicate<LogRecord> filter) {
        return records.stream().filter(filter).map(LogCapture::describe).toList();
    }

    public void clear() {
        records.clear();
    }

    public static String describe(LogRecord r) {
        String message = r instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
        StringBuilder text = new StringBuilder(r.getLevel() + " [" + r.getLoggerName() + "] " + message);
        for (Throwable t = r.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(" | ").append(t);
        }
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
            // The MDC (request id) and the parameters as they are now, on the thread that logged.
            ext.copyAll();
        }
        records.add(record);
    }

    /** The record's value of the MDC key {@code key}, as it was when it was logged. */
    public static String mdc(LogRecord r, String key) {
        return r instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getMdc(key) : null;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
