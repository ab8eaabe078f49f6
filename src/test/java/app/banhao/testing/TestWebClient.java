package app.banhao.testing;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The outbound HTTP client for plain unit tests of provider adapters (outside Quarkus): one Vert.x and
 * one client for the whole run, like the application's {@code OutboundHttp}.
 */
public final class TestWebClient {

    private static final WebClient CLIENT = WebClient.create(Vertx.vertx());

    private TestWebClient() {
    }

    public static WebClient get() {
        return CLIENT;
    }
}
