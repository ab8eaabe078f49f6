package app.banhao.platform.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.Problems;
import app.banhao.platform.i18n.Messages;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * What happens to every request before the REST layer sees it: the request id (header, MDC, response),
 * the request's form (its target, its line and header sizes, its body size) refused as problem+json like
 * every other error, where Vert.x and Quarkus would answer an empty 400, 413, 414 or 431.
 *
 * <p>The codec's own limits ({@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size}) are set well above the ones enforced here ({@code banhao.http.max-request-line}
 * and {@code banhao.http.max-header-bytes}), so that a request past ours still reaches the router and gets
 * its problem document with its target; what the codec itself refuses never reaches the router and is
 * answered by {@link #refuseUndecodable} instead ({@link UndecodableRequests}).
 */
@ApplicationScoped
public class HttpEdgeFilters {

    /** The system property that turns off Quarkus's bodiless 400 for a target {@link java.net.URI} refuses. */
    public static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private final ObjectMapper json;
    private final long maxJsonBodyBytes;
    private final long maxBodyBytes;
    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final BodyHandler streamedJson;

    public HttpEdgeFilters(ObjectMapper json,
            @ConfigProperty(name = "banhao.http.max-json-body-bytes") long maxJsonBodyBytes,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "banhao.http.max-request-line") int maxRequestLine,
            @ConfigProperty(name = "banhao.http.max-header-bytes") int maxHeaderBytes) {
        this.json = json;
        this.maxJsonBodyBytes = maxJsonBodyBytes;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
        // Vert.x Web's body reader counts the bytes as they arrive and stops at the cap; the REST layer then
        // reads the body it collected.
        this.streamedJson = BodyHandler.create(false).setBodyLimit(maxJsonBodyBytes);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::requestId);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::requestForm);
        router.route().order(Integer.MIN_VALUE + 2).handler(this::bodyCap).failureHandler(this::streamedBodyTooLarge);
        router.route().order(Integer.MIN_VALUE + 3).handler(this::acceptHeader);
    }

    /**
     * The request target and head as the contract can serve them: no path parameter is ever a matrix
     * parameter ({@code ;jsessionid=...}), the target is a URI (every {@code %} starts an escape), and the request line and the
     * headers stay within their limits.
     */
    private void requestForm(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (request.method().name().length() + uri.length() + 10 > maxRequestLine) {
            reject(ctx, ErrorCode.URI_TOO_LONG, List.of(maxRequestLine));
            return;
        }
        int headerBytes = 0;
        for (var header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            reject(ctx, ErrorCode.HEADERS_TOO_LARGE, List.of(maxHeaderBytes));
            return;
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.indexOf(';') >= 0) {
            reject(ctx, ErrorCode.MALFORMED_URI, List.of());
            return;
        }
        if (!wellFormed(uri)) {
            reject(ctx, ErrorCode.MALFORMED_URI, List.of());
            return;
        }
        ctx.next();
    }

    /**
     * The check Quarkus makes before routing (a {@link java.net.URI} must parse it), made here instead so that
     * the refusal is a problem document: {@code BanhaoMain} turns Quarkus's own, bodiless one off
     * ({@value #URI_VALIDATION_OFF}).
     */
    private static boolean wellFormed(String uri) {
        try {
            new java.net.URI(uri);
            return true;
        } catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }

    /**
     * Content negotiation the REST layer gets wrong, settled here: an empty {@code Accept} asks for nothing
     * in particular, like none at all; one that does not parse cannot be honoured (406), where the REST
     * layer failed with a 500; and {@code application/*} is narrowed to the JSON it includes, for which
     * the REST layer chose no JSON writer and answered the model's {@code toString()} as octet-stream. A
     * client accepting JSON accepts problem documents too, so that {@code Accept: application/json} is
     * served by operations that answer {@code 204} (their only declared type is the problem one).
     */
    private void acceptHeader(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            ctx.next();
            return;
        }
        if (accept.isBlank()) {
            request.headers().remove(HttpHeaders.ACCEPT);
            ctx.next();
            return;
        }
        List<String> ranges = new java.util.ArrayList<>();
        for (String range : accept.split(",")) {
            MediaType type;
            try {
                type = MediaType.valueOf(range.trim());
            } catch (IllegalArgumentException malformed) {
                reject(ctx, ErrorCode.NOT_ACCEPTABLE, List.of());
                return;
            }
            boolean anyApplicationType = "application".equals(type.getType()) && type.isWildcardSubtype();
            ranges.add(anyApplicationType ? new MediaType("application", "json", type.getParameters()).toString() : range.trim());
        }
        if (ranges.stream().anyMatch(HttpEdgeFilters::isJson) && ranges.stream().noneMatch(r -> r.contains("problem+json"))) {
            // Problems are the JSON every operation answers with; an operation whose success has no body
            // produces nothing else, and would refuse a client that accepts JSON with a 406.
            ranges.add(Problems.MEDIA_TYPE + ";q=0.001");
        }
        request.headers().set(HttpHeaders.ACCEPT, String.join(", ", ranges));
        ctx.next();
    }

    private static boolean isJson(String range) {
        return range.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON);
    }

    private void requestId(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.addEndHandler(done -> MDC.remove(RequestIds.MDC_KEY));
        ctx.next();
    }

    /**
     * Refuses a body past its cap before it is read: by its {@code Content-Length}, or, for a JSON body
     * that comes without one (chunked), by counting it as it arrives.
     */
    private void bodyCap(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        // A missing type is read as JSON by nobody, but counted as JSON here: the smaller cap is the safe one.
        boolean json = type == null || type.toLowerCase().contains("json");
        long cap = json ? maxJsonBodyBytes : maxBodyBytes;
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > cap) {
                    reject(ctx, ErrorCode.PAYLOAD_TOO_LARGE, List.of(cap));
                    return;
                }
            } catch (NumberFormatException e) {
                reject(ctx, ErrorCode.BAD_REQUEST, List.of());
                return;
            }
        } else if (json && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            streamedJson.handle(ctx);
            return;
        }
        ctx.next();
    }

    private void streamedBodyTooLarge(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            reject(ctx, ErrorCode.PAYLOAD_TOO_LARGE, List.of(maxJsonBodyBytes));
            return;
        }
        ctx.next();
    }

    private void reject(RoutingContext ctx, ErrorCode code, List<Object> args) {
        answer(ctx.request(), code, args, ctx.request().path(), ctx.request().getHeader(RequestIds.HEADER));
    }

    /**
     * The answer to a request the HTTP codec could not read ({@link UndecodableRequests}): a request line or
     * headers past the codec's own limits, a malformed or doubled {@code Content-Length}, any other head Netty
     * refuses. Its target is not known for sure (a line too long to read has none), so the problem names none.
     */
    public void refuseUndecodable(HttpServerRequest request) {
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
            answer(request, ErrorCode.URI_TOO_LONG, List.of(maxRequestLine), null, RequestIds.accept(null));
        } else if (cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
            answer(request, ErrorCode.HEADERS_TOO_LARGE, List.of(maxHeaderBytes), null, RequestIds.accept(null));
        } else {
            answer(request, ErrorCode.BAD_REQUEST, List.of(), null, RequestIds.accept(null));
        }
    }

    /** A problem document, and the connection closed after it (the rest of what the client sends is not read). */
    private void answer(HttpServerRequest request, ErrorCode code, List<Object> args, String instance, String requestId) {
        var language = Messages.languageOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        var problem = Problems.problem(code, args, List.of(), language, instance, requestId);
        var response = request.response().setStatusCode(code.status()).putHeader(HttpHeaders.CONNECTION, "close");
        if (requestId != null) {
            response.putHeader(RequestIds.HEADER, requestId);
        }
        try {
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            Log.error("Could not write a problem response", e);
            response.end();
        }
    }
}
