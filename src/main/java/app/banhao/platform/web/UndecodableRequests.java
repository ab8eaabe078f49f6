package app.banhao.platform.web;

import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.inject.Singleton;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Requests the HTTP codec could not read answered as problem documents (issue 10, point 27): a request line or
 * headers past the codec's limits (64 KiB), a {@code Content-Length} that is no number or comes twice with two
 * values, any head Netty's {@code HttpObjectDecoder} refuses. Vert.x hands such a request to the server's
 * <em>invalid request handler</em> (never to the router), whose default answers an empty 400/414/431
 * ({@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}); Quarkus creates and starts its HTTP servers
 * itself and never lets an application set that handler ({@code HttpServer.invalidRequestHandler}).
 *
 * <p>What Vert.x 4.5 does allow: {@code Http1xServerConnection.handleMessage} starts the request
 * ({@code Http1xServerRequest.handleBegin}, which reports it to the tracer) <em>before</em> it picks the
 * connection's invalid request handler, and a connection's handler can be replaced
 * ({@link HttpServerConnection#invalidRequestHandler}). So a tracer (a public Vert.x SPI, set here through
 * Quarkus's {@link VertxOptionsCustomizer}) that sees a request its decoder failed on points that connection at
 * {@link HttpEdgeFilters#refuseUndecodable} just in time. Every call, this one too, goes on to the tracer it wraps (OpenTelemetry's, or Vert.x's no-op). {@code UndecodableRequestsTest} sends each malformation over a raw socket,
 * so a Vert.x upgrade that moves this order shows at once.
 */
@Singleton
@Unremovable
public class UndecodableRequests implements VertxOptionsCustomizer {

    private static final Handler<HttpServerRequest> REFUSE = request -> Arc.container().instance(HttpEdgeFilters.class).get()
            .refuseUndecodable(request);

    @Override
    public void accept(VertxOptions options) {
        // Vert.x holds one tracer, and OpenTelemetry's is installed in the same options: the hook wraps it and
        // hands every call on, so tracing and this refusal share the slot whichever is configured first.
        TracingOptions before = options.getTracingOptions();
        VertxTracerFactory inner = before == null ? null : before.getFactory();
        TracingOptions wrapped = before == null ? new TracingOptions() : before.copy();
        options.setTracingOptions(wrapped.setFactory(tracing -> new Hook(
                inner == null ? VertxTracer.NOOP : inner.tracer(tracing))));
    }

    /** The tracer: replaces the invalid request handler of a connection whose request did not decode. */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    static final class Hook implements VertxTracer<Object, Object> {

        private final VertxTracer inner;

        Hook(VertxTracer inner) {
            this.inner = inner;
        }

        VertxTracer inner() {
            return inner;
        }

        @Override
        public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tags) {
            if (request instanceof HttpServerRequest http && http.decoderResult() != null && http.decoderResult().isFailure()
                    && http.connection() instanceof HttpServerConnection connection) {
                connection.invalidRequestHandler(REFUSE);
            }
            return inner.receiveRequest(context, kind, policy, request, operation, headers, tags);
        }

        @Override
        public <R> void sendResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tags) {
            inner.sendResponse(context, response, payload, failure, tags);
        }

        @Override
        public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                BiConsumer<String, String> headers, TagExtractor<R> tags) {
            return inner.sendRequest(context, kind, policy, request, operation, headers, tags);
        }

        @Override
        public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tags) {
            inner.receiveResponse(context, response, payload, failure, tags);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
