package app.banhao.platform.http;

import java.time.Duration;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/**
 * One call to an outside service, bounded in time: whatever goes wrong on the way (no connection, no
 * answer within the timeout, a non-2xx status, a body that is not JSON) arrives as one {@link Failure},
 * which each provider maps to its own 503 problem. The message never carries the request or answer
 * body, so it is safe to log even when the call carried personal data.
 */
public final class Outbound {

    private Outbound() {
    }

    /** The outside service could not give a usable answer. */
    public static final class Failure extends RuntimeException {
        public Failure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** Sends and reads a 2xx answer's body as text; {@code what} names the call in failures. */
    public static Uni<String> text(HttpRequest<Buffer> request, Duration timeout,
            Function<HttpRequest<Buffer>, Uni<HttpResponse<Buffer>>> send, String what) {
        // The client's own timeout is an idle timeout (no byte for that long); the Uni's bounds the whole call.
        request.timeout(timeout.toMillis());
        return send.apply(request)
                .ifNoItem().after(timeout).failWith(() -> new Failure(what + ": no answer within " + timeout, null))
                .onFailure(e -> !(e instanceof Failure))
                .transform(e -> new Failure(what + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new Failure(what + ": HTTP " + response.statusCode(), null);
                    }
                    String body = response.bodyAsString("UTF-8");
                    return body == null ? "" : body;
                });
    }

    /** As {@link #text}, the body parsed as a JSON object. */
    public static Uni<JsonObject> json(HttpRequest<Buffer> request, Duration timeout,
            Function<HttpRequest<Buffer>, Uni<HttpResponse<Buffer>>> send, String what) {
        return text(request, timeout, send, what).map(body -> parse(body, what));
    }

    public static JsonObject parse(String body, String what) {
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new Failure(what + ": the answer is not a JSON object", null);
        }
    }
}
