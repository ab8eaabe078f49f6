package app.banhao.platform.web;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The OpenTelemetry trace of the request at hand. Every request has one, sampled or not: an unsampled span still
 * carries a valid trace id, so log lines and problem documents name the trace whether or not it is exported.
 */
public final class Traces {

    private Traces() {
    }

    /** The current trace id (32 lowercase hex digits), or null outside a trace. */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
