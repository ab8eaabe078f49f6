package app.banhao.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Which responses are compressed ({@code quarkus.http.enable-compression}): none under {@link #MIN_BYTES}. The HTTP
 * layer gzips every JSON response for a client that accepts it, whatever its size, with a fresh deflater each time:
 * a 15-byte answer went out as 41 bytes, and the ping served 16k requests/s to such clients against 23k to others. Cached
 * representations come compressed already ({@code platform/cache/HttpCaching}); this leaves the on-the-fly
 * compression to the large responses built per request (lists, details), where it saves a phone's bandwidth.
 */
@ApplicationScoped
public class ResponseCompression {

    /** Below this a gzip body saves little or nothing (its header and trailer alone are 18 bytes). */
    public static final int MIN_BYTES = 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 4).handler(ResponseCompression::smallOnesAsTheyAre);
    }

    private static void smallOnesAsTheyAre(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING) != null) {
            HttpServerResponse response = ctx.response();
            ctx.addHeadersEndHandler(ignored -> {
                if (response.headers().get(HttpHeaders.CONTENT_ENCODING) == null && small(response)) {
                    response.putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
                }
            });
        }
        ctx.next();
    }

    private static boolean small(HttpServerResponse response) {
        String length = response.headers().get(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false; // streamed: the size is not known when the head goes out
        }
        try {
            return Long.parseLong(length) < MIN_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
