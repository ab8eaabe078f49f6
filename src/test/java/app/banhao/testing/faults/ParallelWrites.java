package app.banhao.testing.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.contract.SpecOperation;
import io.restassured.response.Response;

/**
 * The same write sent {@value #PARALLEL} times at once, for every write operation (POST, PUT, PATCH, DELETE) of a
 * contract: a double-tapped button, a retrying client, a fuzzer. Racing copies may be refused (409, 412, 422,
 * 429...) but never answered with a 5xx, and every answer is documented (the contract filter holds each one).
 */
public final class ParallelWrites {

    public static final int PARALLEL = 10;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private ParallelWrites() {
    }

    public static List<SpecOperation> writeOperations(ApiContract contract) {
        return contract.operations().stream().filter(op -> WRITES.contains(op.method())).toList();
    }

    /**
     * @param prepare makes, for one operation, the request to send (the same each call: one caller, one object,
     *        one body), doing whatever setup it needs once
     * @return what went wrong, one line per answer (empty: every copy of every write was answered properly)
     */
    public static List<String> run(ApiContract contract, Function<SpecOperation, Supplier<Response>> prepare)
            throws InterruptedException {
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (SpecOperation operation : writeOperations(contract)) {
                Supplier<Response> request;
                try {
                    request = prepare.apply(operation);
                } catch (RuntimeException | AssertionError e) {
                    failures.add(operation + ": could not prepare its request: " + e);
                    continue;
                }
                failures.addAll(burst(pool, operation, request));
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    private static List<String> burst(ExecutorService pool, SpecOperation operation, Supplier<Response> request)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return request.get();
            }));
        }
        start.countDown();
        List<String> failures = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            try {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() >= 500) {
                    failures.add(operation + " x" + PARALLEL + ": one answered " + response.statusCode() + ": "
                            + abbreviate(response.asString()));
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // The contract filter's verdict on an undocumented answer, or no answer at all.
                failures.add(operation + " x" + PARALLEL + ": " + abbreviate(String.valueOf(e.getCause())));
            } catch (java.util.concurrent.TimeoutException e) {
                failures.add(operation + " x" + PARALLEL + ": no answer within 60 s");
            }
        }
        System.out.printf("  %s x%d: %s%n", operation, PARALLEL, statuses);
        return failures;
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
