package app.banhao.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for an outside service (WeChat, Alipay, the identity check) on 127.0.0.1 and a free port:
 * real HTTP, so the adapters' requests, timeouts and error handling are tested as they run. Each path
 * gets a handler that sees the request and answers; every request is recorded.
 */
public final class FakeHttpServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String method, String path, Map<String, String> query, Headers headers, String body) {

        /** The body read as an {@code application/x-www-form-urlencoded} form. */
        public Map<String, String> form() {
            return decode(body);
        }
    }

    /** An answer: status, JSON (or other) body, and how long to wait before sending it. */
    public record Answer(int status, String body, long delayMillis) {
        public static Answer json(String body) {
            return new Answer(200, body, 0);
        }

        public static Answer status(int status) {
            return new Answer(status, "{}", 0);
        }

        public Answer after(long millis) {
            return new Answer(status, body, millis);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Answer answer(Request request);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    decode(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body);
            requests.add(request);
            Handler handler;
            synchronized (handlers) {
                handler = handlers.get(request.path());
            }
            Answer answer = handler == null ? Answer.status(404) : handler.answer(request);
            try {
                Thread.sleep(answer.delayMillis());
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException | IOException e) {
                // The client gave up (a timeout test): nothing left to answer.
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public FakeHttpServer on(String path, Handler handler) {
        synchronized (handlers) {
            handlers.put(path, handler);
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
