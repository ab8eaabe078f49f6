package app.banhao.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import io.restassured.response.Response;

/**
 * A parallel burst at a rate-limited operation (issue 10, point 4): {@value #ATTEMPTS} attempts released at
 * the same instant, as an attacker with many connections would send them. A limit that reads its counter
 * before the work and counts after it lets most of them through; one counted atomically before the work lets
 * no more than its maximum through. "Through" means the operation did its work: any answer but 429.
 */
public final class Burst {

    public static final int ATTEMPTS = 200;

    private Burst() {
    }

    /** What one attempt came to: its answer, or why there was none (e.g. a read timeout under the load). */
    public record Outcome(Response answer, Throwable failure) {

        /** Not refused by a limit: answered anything but 429, or not answered at all (then it did work). */
        boolean through() {
            return answer == null || answer.statusCode() != 429;
        }

        String label() {
            return answer != null ? Integer.toString(answer.statusCode()) : "no answer (" + failure.getClass().getSimpleName() + ")";
        }
    }

    /** Fires {@code attempts} calls of {@code attempt} (given the attempt's index) at once; what each came to. */
    public static List<Outcome> fire(int attempts, IntFunction<Response> attempt) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(attempts, 100));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.apply(index);
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Response> f : futures) {
                try {
                    outcomes.add(new Outcome(f.get(5, TimeUnit.MINUTES), null));
                } catch (ExecutionException | TimeoutException e) {
                    outcomes.add(new Outcome(null, e.getCause() != null ? e.getCause() : e));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Fires {@value #ATTEMPTS} parallel attempts and asserts that at most {@code allowed} got through (were not
     * refused with 429), that every refusal carries {@code Retry-After} and that nothing failed with a 5xx.
     * Answers the number that got through.
     */
    public static int assertAtMost(int allowed, String what, IntFunction<Response> attempt) throws InterruptedException {
        List<Outcome> outcomes = fire(ATTEMPTS, attempt);
        Map<String, Integer> byAnswer = new TreeMap<>();
        outcomes.forEach(o -> byAnswer.merge(o.label(), 1, Integer::sum));
        long through = outcomes.stream().filter(Outcome::through).count();
        assertTrue(through <= allowed, what + ": " + through + " of " + ATTEMPTS + " parallel attempts got through, the limit is "
                + allowed + " (answers: " + byAnswer + ")");
        for (Outcome o : outcomes) {
            assertTrue(o.answer().statusCode() < 500, what + ": an attempt failed with " + o.label() + ": " + o.answer().asString());
            if (o.answer().statusCode() == 429) {
                assertTrue(o.answer().header("Retry-After") != null, what + ": a 429 without Retry-After");
            }
        }
        return (int) through;
    }
}
