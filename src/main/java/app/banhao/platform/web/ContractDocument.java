package app.banhao.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the contract, {@code api-spec/openapi.yaml} as built into the application, at {@code /q/openapi}: YAML by
 * default, JSON for {@code ?format=json} or {@code Accept: application/json}, like SmallRye OpenAPI's endpoint did.
 * SmallRye read, modelled and wrote out the whole contract in both formats at every start (≈ 0.8 s of CPU, issue 16)
 * to serve a file we already have: the YAML is served as written, and the JSON made from it on first request.
 */
@ApplicationScoped
public class ContractDocument {

    /** Where the build puts the contract (pom.xml). */
    public static final String RESOURCE = "META-INF/openapi.yaml";
    static final String PATH = "/q/openapi";
    private static final String YAML = "application/yaml;charset=UTF-8";
    private static final String JSON = "application/json;charset=UTF-8";

    private volatile Buffer yaml;
    private volatile Future<Buffer> json;

    void install(@Observes Router router) {
        router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        if (wantsJson(ctx)) {
            json(ctx).onSuccess(body -> send(ctx, JSON, body)).onFailure(ctx::fail);
        } else if (yaml != null) {
            send(ctx, YAML, yaml);
        } else {
            ctx.vertx().executeBlocking(ContractDocument.this::yaml, false).onSuccess(body -> send(ctx, YAML, body))
                    .onFailure(ctx::fail);
        }
    }

    private static boolean wantsJson(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        if (format != null) {
            return format.toLowerCase(Locale.ROOT).equals("json");
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json");
    }

    private static void send(RoutingContext ctx, String type, Buffer body) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type);
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length())).end();
        } else {
            ctx.response().end(body);
        }
    }

    private Buffer yaml() {
        Buffer read = yaml;
        if (read == null) {
            try (InputStream in = ContractDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the application");
                }
                read = Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            yaml = read;
        }
        return read;
    }

    /** Made once, off the event loop; requests that come while it is being made wait for the same result. */
    private Future<Buffer> json(RoutingContext ctx) {
        Future<Buffer> made = json;
        if (made == null) {
            synchronized (this) {
                made = json;
                if (made == null) {
                    made = ctx.vertx().executeBlocking(() -> Buffer.buffer(new ObjectMapper()
                            .writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(yaml().getBytes()))), false);
                    json = made;
                    // A failure is not kept: the next request tries again.
                    made.onFailure(e -> json = null);
                }
            }
        }
        return made;
    }
}
