package app.banhao.testing.faults;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that keep submitting while a fault is injected, as a resident's app would: each submission has
 * its own {@code Idempotency-Key} and is retried with the same key until it is acknowledged (2xx). The
 * answers seen meanwhile must be 2xx, or 503 problems with {@code Retry-After}, or no answer while the
 * server itself is down; afterwards every acknowledged key must be stored exactly once
 * ({@link #lostOrDuplicated}).
 *
 * <p>The same storm serves every scenario: a PostgreSQL restart under a running app, a kill -9 of the app
 * (the submitter then points at the restarted process), and any submission endpoint: only the
 * {@link Submitter} and the query behind {@code stored} change.
 */
public final class SubmissionStorm implements AutoCloseable {

    /** Sends one submission with the given key. */
    @FunctionalInterface
    public interface Submitter {
        HttpResponse<String> submit(String idempotencyKey) throws IOException, InterruptedException;
    }

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final List<String> unexpected = new ArrayList<>();
    private final Workers workers;

    private SubmissionStorm(Submitter submitter, int clients) {
        this.workers = new Workers("submitter", clients, running -> {
            String key = UUID.randomUUID().toString();
            while (running.get()) {
                if (attempt(submitter, key)) {
                    acknowledged.add(key);
                    return;
                }
                Thread.sleep(100);
            }
        });
    }

    public static SubmissionStorm start(Submitter submitter, int clients) {
        return new SubmissionStorm(submitter, clients);
    }

    /** True when acknowledged; false for an answer that asks to try again later. */
    private boolean attempt(Submitter submitter, String key) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = submitter.submit(key);
        } catch (IOException serverDown) {
            unanswered.incrementAndGet();
            return false;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return true;
        }
        boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (status == 503 && problem && response.headers().firstValue("Retry-After").isPresent()) {
            unavailable.incrementAndGet();
        } else {
            synchronized (unexpected) {
                if (unexpected.size() < 20) {
                    unexpected.add("key " + key + " answered " + status + ": " + response.body());
                }
            }
        }
        return false;
    }

    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** How many answers were 503 problems with Retry-After: the fault as callers felt it. */
    public int unavailable() {
        return unavailable.get();
    }

    /** How many attempts got no HTTP answer at all (the server process was gone). */
    public int unanswered() {
        return unanswered.get();
    }

    /** Answers that were neither an acknowledgement nor a well-formed "try again later". */
    public List<String> unexpected() {
        List<String> all = new ArrayList<>(workers.crashes());
        synchronized (unexpected) {
            all.addAll(unexpected);
        }
        return all;
    }

    /** Waits until {@code more} further submissions have been acknowledged. */
    public void awaitAcknowledged(int more, Duration limit) throws InterruptedException {
        int target = acknowledged.size() + more;
        Await.until(limit, target + " submissions acknowledged", () -> acknowledged.size() >= target);
    }

    /**
     * Acknowledged submissions missing from {@code stored} (key → number of stored submissions), and any
     * key stored more than once: both must be empty.
     */
    public static List<String> lostOrDuplicated(Set<String> acknowledged, Map<String, Integer> stored) {
        List<String> wrong = new ArrayList<>();
        acknowledged.stream().filter(k -> !stored.containsKey(k)).sorted()
                .forEach(k -> wrong.add("acknowledged but lost: " + k));
        stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted()
                .forEach(k -> wrong.add("stored " + stored.get(k) + " times: " + k));
        return wrong;
    }

    @Override
    public void close() throws InterruptedException {
        workers.close();
    }
}
