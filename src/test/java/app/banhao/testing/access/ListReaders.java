package app.banhao.testing.access;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import app.banhao.application.SseClient;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/** How the matrix reads a listed operation ({@link AccessRule.ListReader}). */
public final class ListReaders {

    /** Pages a reader walks at most: the fixtures' departments hold a few hundred cases at most. */
    private static final int MAX_PAGES = 30;

    /**
     * Makes the object, then reads every page ({@code nextCursor}, 100 at a time): an object is in the list
     * wherever its sort order puts it, so the owner finds it and an intruder's leak cannot hide on page 2.
     */
    public static final AccessRule.ListReader PAGES = (path, caller, change) -> {
        change.run();
        StringBuilder seen = new StringBuilder();
        String cursor = null;
        int status = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            var request = caller.authorize(given()).queryParam("limit", 100);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response response = request.get(path);
            status = response.statusCode();
            seen.append(response.asString()).append('\n');
            cursor = status == 200 ? response.path("nextCursor") : null;
            if (cursor == null) {
                break;
            }
        }
        return new AccessRule.Read(status, seen.toString());
    };

    /** A read of one document (no paging), made after the object. */
    public static final AccessRule.ListReader ONE = (path, caller, change) -> {
        change.run();
        Response response = caller.authorize(given()).get(path);
        return new AccessRule.Read(response.statusCode(), response.asString());
    };

    /**
     * A server-sent event stream, open while the object changes: what arrives within {@code window} is what the
     * caller saw. A refused stream answers at once with its status and problem.
     */
    public static AccessRule.ListReader events(Duration window) {
        return new Stream(window);
    }

    /** Whether {@code reader} reads a stream: what it shows is what changes while it is open. */
    public static boolean isStream(AccessRule.ListReader reader) {
        return reader instanceof Stream;
    }

    private record Stream(Duration window) implements AccessRule.ListReader {

        @Override
        public AccessRule.Read read(String path, Caller caller, Runnable change) {
            try (SseClient stream = SseClient.open(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path), caller.token())) {
                if (stream.status() != 200) {
                    return new AccessRule.Read(stream.status(), drain(stream, Duration.ofSeconds(1)));
                }
                change.run();
                return new AccessRule.Read(200, drain(stream, window));
            } catch (Exception e) {
                throw new IllegalStateException("Could not read " + path + " as " + caller, e);
            }
        }
    }

    private static String drain(SseClient stream, Duration window) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> block = stream.next(Duration.ofNanos(deadline - System.nanoTime()));
            if (block == null) {
                break;
            }
            seen.append(String.join("\n", block)).append("\n\n");
        }
        return seen.toString();
    }

    private ListReaders() {
    }
}
