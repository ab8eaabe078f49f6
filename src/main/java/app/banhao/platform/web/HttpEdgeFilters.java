package app.banhao.platform.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.Problems;
import app.banhao.platform.i18n.Messages;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What happens to every request before the REST layer sees it: the request id (header, MDC, response)
 * and the body-size cap, answered as problem+json like every other error instead of Vert.x's empty 413.
 */
@ApplicationScoped
public class HttpEdgeFilters {

    private final ObjectMapper json;
    private final long maxJsonBodyBytes;

    public HttpEdgeFilters(ObjectMapper json,
            @ConfigProperty(name = "banhao.http.max-json-body-bytes") long maxJsonBodyBytes) {
        this.json = json;
        this.maxJsonBodyBytes = maxJsonBodyBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::requestId);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::bodyCap);
        router.route().order(Integer.MIN_VALUE + 2).handler(this::acceptHeader);
    }

    /**
     * Content negotiation the REST layer gets wrong, settled here: an empty {@code Accept} asks for nothing
     * in particular, like none at all; one that does not parse cannot be honoured (406), where the REST
     * layer failed with a 500; and {@code application/*} is narrowed to the JSON it includes, for which
     * the REST layer chose no JSON writer and answered the model's {@code toString()} as octet-stream.
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
        request.headers().set(HttpHeaders.ACCEPT, String.join(", ", ranges));
        ctx.next();
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

    private void bodyCap(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (length != null && type != null && type.toLowerCase().contains("json")) {
            try {
                if (Long.parseLong(length.trim()) > maxJsonBodyBytes) {
                    reject(ctx, ErrorCode.PAYLOAD_TOO_LARGE, List.of(maxJsonBodyBytes));
                    return;
                }
            } catch (NumberFormatException e) {
                reject(ctx, ErrorCode.BAD_REQUEST, List.of());
                return;
            }
        }
        ctx.next();
    }

    private void reject(RoutingContext ctx, ErrorCode code, List<Object> args) {
        var language = Messages.languageOf(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        var problem = Problems.problem(code, args, List.of(), language, ctx.request().path(),
                ctx.request().getHeader(RequestIds.HEADER));
        try {
            ctx.response().setStatusCode(code.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            Log.error("Could not write a problem response", e);
            ctx.response().setStatusCode(code.status()).end();
        }
    }
}
