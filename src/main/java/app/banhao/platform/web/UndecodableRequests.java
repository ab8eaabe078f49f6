package app.banhao.platform.web;

import java.util.Map;

import jakarta.inject.Singleton;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
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
 * {@link HttpEdgeFilters#refuseUndecodable} just in time. It traces nothing (every other call is the SPI's no-op). {@code UndecodableRequestsTest} sends each malformation over a raw socket,
 * so a Vert.x upgrade that moves this order shows at once.
 */
@Singleton
@Unremovable
public class UndecodableRequests implements VertxOptionsCustomizer {

    private static final Handler<HttpServerRequest> REFUSE = request -> Arc.container().instance(HttpEdgeFilters.class).get()
            .refuseUndecodable(request);

    @Override
    public void accept(VertxOptions options) {
        TracingOptions before = options.getTracingOptions();
        if (before != null && before.getFactory() != null) {
            // Vert.x holds one tracer; a real one (OpenTelemetry) would have to carry this hook instead.
            throw new IllegalStateException("A Vert.x tracer is configured already; UndecodableRequests needs the tracer slot");
        }
        options.setTracingOptions(new TracingOptions().setFactory(tracing -> new Hook()));
    }

    /** The tracer: replaces the invalid request handler of a connection whose request did not decode. */
    private static final class Hook implements VertxTracer<Object, Object> {

        @Override
        public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tags) {
            if (request instanceof HttpServerRequest http && http.decoderResult() != null && http.decoderResult().isFailure()
                    && http.connection() instanceof HttpServerConnection connection) {
                connection.invalidRequestHandler(REFUSE);
            }
            return null;
        }
    }
}
