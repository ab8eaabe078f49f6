package app.banhao.application;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent-event stream read line by line on its own thread (REST Assured cannot hold a stream open).
 * {@link #next} waits for the next event or comment, as its lines ({@code event:}, {@code id:}, {@code data:}
 * or {@code : comment}).
 */
public final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<List<String>> blocks = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(() -> {
            List<String> block = new ArrayList<>();
            try {
                var it = response.body().iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (!block.isEmpty()) {
                            blocks.add(block);
                            block = new ArrayList<>();
                        }
                    } else {
                        block.add(line);
                    }
                }
            } catch (RuntimeException closed) {
                // the stream was closed under us
            }
        }, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code uri} with {@code bearer}; answers once the headers arrived. */
    public static SseClient open(URI uri, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event or comment block within {@code limit}; null when none came. */
    public List<String> next(Duration limit) throws InterruptedException {
        return blocks.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next block that is an event (not a comment) within {@code limit}; null when none came. */
    public List<String> nextEvent(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> block = next(Duration.ofNanos(deadline - System.nanoTime()));
            if (block != null && block.stream().anyMatch(l -> l.startsWith("event:") || l.startsWith("data:"))) {
                return block;
            }
        }
        return null;
    }

    /** Whether the server ended the stream within {@code limit}. */
    public boolean ended(Duration limit) throws InterruptedException {
        reader.join(limit.toMillis());
        return !reader.isAlive();
    }

    /** The raw body when the server answered with an error instead of a stream (read until it ends). */
    public String errorBody(Duration limit) throws InterruptedException {
        ended(limit);
        StringBuilder all = new StringBuilder();
        blocks.forEach(b -> b.forEach(all::append));
        return all.toString();
    }

    /** The value of {@code field} in an event block ("data", "event", "id"). */
    public static String field(List<String> block, String field) {
        return block.stream().filter(l -> l.startsWith(field + ":")).map(l -> l.substring(field.length() + 1).strip())
                .findFirst().orElse(null);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
