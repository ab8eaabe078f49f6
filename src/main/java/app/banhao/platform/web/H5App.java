package app.banhao.platform.web;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the resident H5 app (clients/h5, built with npm into {@code banhao.h5.dir}) at {@code /h5/}, so a
 * newcomer opens it from the same origin as the API, with no CORS and no second server. Nothing is mounted
 * when the directory has no {@code index.html}: the server's build and start never depend on npm.
 */
@ApplicationScoped
public class H5App {

    static final String PREFIX = "/h5/";

    private final Path dir;

    public H5App(@ConfigProperty(name = "banhao.h5.dir", defaultValue = "clients/h5/dist") Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    void install(@Observes Router router) {
        Path index = dir.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            Log.debugf("No H5 app at %s: /h5/ is not served", dir);
            return;
        }
        Log.infof("Resident H5 app served at %s from %s", PREFIX, dir);
        // A route path "/h5" would match "/h5/" as well (Vert.x ignores a trailing slash) and redirect to itself.
        router.routeWithRegex(HttpMethod.GET, "^/h5$").handler(ctx -> ctx.redirect(PREFIX));
        router.route(PREFIX + "*")
                .handler(H5App::cacheHeaders)
                .handler(StaticHandler.create(FileSystemAccess.ROOT, dir.toString())
                        .setIndexPage("index.html")
                        .setCachingEnabled(false)
                        .setIncludeHidden(false))
                .handler(ctx -> fallback(ctx, index));
    }

    /** Vite names every asset by its content hash: cached for good; the index (naming them) always revalidated. */
    private static void cacheHeaders(RoutingContext ctx) {
        boolean hashed = ctx.normalizedPath().startsWith(PREFIX + "assets/");
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, hashed ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.next();
    }

    /**
     * A page path the files do not have is a route of the app (a deep link, a reload): answer the index and let
     * the app route it. A missing file (a name with an extension) stays a 404, so a stale asset is not HTML.
     */
    private static void fallback(RoutingContext ctx, Path index) {
        HttpMethod method = ctx.request().method();
        String last = ctx.normalizedPath().substring(ctx.normalizedPath().lastIndexOf('/') + 1);
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || last.contains(".")) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").sendFile(index.toString());
    }
}
