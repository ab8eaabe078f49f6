package app.banhao.testing;

import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Every sampled span the application ends, kept in memory: Quarkus adds each {@link SpanProcessor} bean to its
 * tracer provider, so a test reads the spans a request made without a collector.
 */
@Singleton
public class CollectedSpans implements SpanProcessor {

    private final ConcurrentLinkedQueue<SpanData> ended = new ConcurrentLinkedQueue<>();

    /** A new W3C trace id, for a request the test follows. */
    public static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** A {@code traceparent} header continuing trace {@code traceId}, sampled: its spans are recorded whatever the ratio. */
    public static String sampled(String traceId) {
        return "00-" + traceId + "-" + "00f067aa0ba902b7" + "-01";
    }

    /**
     * The spans of a request's trace once its server span has ended (it ends as the answer is written, a moment after
     * the client has it), or as they are after 10 s.
     */
    public List<SpanData> ofRequest(String traceId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<SpanData> trace = ofTrace(traceId);
        while (trace.stream().noneMatch(s -> s.getKind() == SpanKind.SERVER) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            trace = ofTrace(traceId);
        }
        return trace;
    }

    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> DB_STATEMENT = AttributeKey.stringKey("db.statement");

    /**
     * The PostgreSQL statements of a request's trace in the order they were sent (a client span per statement the
     * reactive SQL client sends, whether Hibernate or a writer of its own sent it), but those whose text contains one
     * of {@code leftOut}.
     */
    public List<SpanData> statements(String traceId, String... leftOut) {
        return ofRequest(traceId).stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT && !"redis".equals(s.getAttributes().get(DB_SYSTEM)))
                .filter(s -> s.getAttributes().get(DB_STATEMENT) != null)
                .filter(s -> java.util.Arrays.stream(leftOut).noneMatch(s.getAttributes().get(DB_STATEMENT)::contains))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
    }

    /** Round trips of {@code sent}: statements sent before the one before them was answered share its round trip. */
    public static int roundTrips(List<SpanData> sent) {
        int trips = 0;
        long answered = Long.MIN_VALUE;
        for (SpanData s : sent) {
            if (s.getStartEpochNanos() >= answered) {
                trips++;
            }
            answered = s.getEndEpochNanos();
        }
        return trips;
    }

    /** How many times {@code fragment} occurs in the texts of {@code sent} (a merged statement's members each count). */
    public static int occurrences(List<SpanData> sent, String fragment) {
        int n = 0;
        for (SpanData s : sent) {
            String sql = s.getAttributes().get(DB_STATEMENT);
            for (int at = sql.indexOf(fragment); at >= 0; at = sql.indexOf(fragment, at + fragment.length())) {
                n++;
            }
        }
        return n;
    }

    /** The statements' texts, a line each (cut at 160 characters), for a failure's message. */
    public static String text(List<SpanData> sent) {
        return String.join("\n  ", sent.stream().map(s -> {
            String sql = s.getAttributes().get(DB_STATEMENT);
            return sql.length() > 160 ? sql.substring(0, 160) + "…" : sql;
        }).toList());
    }

    /** The ended spans of trace {@code traceId}. */
    public List<SpanData> ofTrace(String traceId) {
        return ended.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        ended.clear();
        return CompletableResultCode.ofSuccess();
    }
}
