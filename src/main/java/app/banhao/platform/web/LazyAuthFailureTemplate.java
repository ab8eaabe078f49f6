package app.banhao.platform.web;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.resteasy.reactive.server.runtime.observability.ObservabilityIntegrationRecorder;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The URI template of a request (for its metrics and trace) worked out when its authentication fails, not on every
 * request. Quarkus REST (3.32), when Micrometer or OpenTelemetry is present, swaps the authentication-failure handler
 * proactive authentication leaves on each request for one that lets the exception mappers answer, and works out the
 * request's template beforehand in case it fails, building a new matcher over every resource path for it: 5% of an
 * event loop's CPU on a list of applications (async-profiler), on every request that got past authentication.
 *
 * <p>This handler, after authentication and before that swap, puts in the same answer to a failure (mark it, then fail
 * the request with its root cause for the mappers: what Quarkus REST's own does), working out the template only then;
 * Quarkus REST then finds no default handler to swap. Internal API of Quarkus 3.32 (the handler's key, the recorder's
 * template and deployment): the access-matrix tests (every operation anonymous and as another user) check that the
 * refusals answer as before, and a profile shows whether the matcher is still built per request after an upgrade.
 */
@ApplicationScoped
public class LazyAuthFailureTemplate {

    /**
     * Quarkus REST's swap is a filter of priority 199, so its route's order is -199, right after authentication's
     * (-200). Routes of one order run in the order they were added, and the routes observers of {@link Router} add
     * come before the filters' routes: this one, also -199, runs after authentication and before the swap.
     */
    static final int ORDER = -199;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(LazyAuthFailureTemplate::replace);
    }

    private static void replace(RoutingContext ctx) {
        if (ctx.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) LazyAuthFailureTemplate::failed);
        }
        ctx.next();
    }

    private static void failed(RoutingContext ctx, Throwable failure) {
        try {
            ObservabilityIntegrationRecorder.setTemplatePath(ctx, ResteasyReactiveRecorder.getCurrentDeployment());
        } catch (RuntimeException e) {
            Log.debugf("No URI template for the failed request: %s", e);
        }
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(ctx, failure);
        if (!ctx.failed()) {
            ctx.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    }
}
