package app.banhao.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The one HTTP client for calls to outside services (WeChat, Alipay, the identity check): Vert.x's
 * non-blocking web client on Quarkus's own Vert.x, so an outside call never holds an event-loop thread.
 * Timeouts are per call ({@link Outbound}), because each provider has its own setting.
 */
@ApplicationScoped
public class OutboundHttp {

    @Produces
    @Singleton
    WebClient webClient(Vertx vertx) {
        return WebClient.create(vertx, new WebClientOptions().setUserAgent("banhao-api").setFollowRedirects(false)
                .setKeepAlive(true));
    }

    void close(@Disposes WebClient client) {
        client.close();
    }
}
