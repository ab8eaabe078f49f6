package app.banhao.testing.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Readers that keep calling a set of paths while a fault is injected, and remember every answer that
 * was not a 200: the operations that must keep working through the fault.
 */
public final class Traffic implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final AtomicInteger answered = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private final Workers workers;

    private Traffic(URI root, List<String> paths, int clients) {
        AtomicInteger next = new AtomicInteger();
        this.workers = new Workers("traffic", clients, running -> {
            String path = paths.get(Math.floorMod(next.getAndIncrement(), paths.size()));
            HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    record("GET " + path + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                record("GET " + path + " got no answer: " + e);
            }
            answered.incrementAndGet();
            Thread.sleep(5);
        });
    }

    public static Traffic start(URI root, List<String> paths, int clients) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no paths to call");
        }
        return new Traffic(root, paths, clients);
    }

    public int answered() {
        return answered.get();
    }

    /** Waits until {@code more} further calls have been answered. */
    public void awaitMore(int more) throws InterruptedException {
        int target = answered() + more;
        Await.until(Duration.ofSeconds(30), target + " calls answered", () -> answered() >= target);
    }

    public List<String> failures() {
        List<String> all = new ArrayList<>(workers.crashes());
        synchronized (failures) {
            all.addAll(failures);
        }
        return all;
    }

    private void record(String failure) {
        synchronized (failures) {
            if (failures.size() < 20) {
                failures.add(failure);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        workers.close();
    }
}
