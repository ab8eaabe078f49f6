package app.banhao.platform.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The client IP and user agent of the current HTTP request (behind a proxy, the forwarded address when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is on); {@code "unknown"} outside a request.
 */
@ApplicationScoped
public class CallerInfo {

    private final CurrentVertxRequest request;

    public CallerInfo(CurrentVertxRequest request) {
        this.request = request;
    }

    public String ip() {
        RoutingContext ctx = current();
        if (ctx == null || ctx.request().remoteAddress() == null) {
            return "unknown";
        }
        return ctx.request().remoteAddress().hostAddress();
    }

    public String userAgent() {
        RoutingContext ctx = current();
        String agent = ctx == null ? null : ctx.request().getHeader("User-Agent");
        return agent == null ? null : agent.substring(0, Math.min(agent.length(), 200));
    }

    private RoutingContext current() {
        return Arc.container().requestContext().isActive() ? request.getCurrent() : null;
    }
}
