package app.banhao.platform.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import app.banhao.testing.faults.Await;
import io.smallrye.mutiny.Uni;

/** Calls per key one at a time, each carrying what waited during the previous one, everyone answered by its own call. */
class CoalescerTest {

    /** The calls made, each answerable by the test: the key, the items, and the answer to come. */
    private record Call(String key, List<Integer> items, CompletableFuture<String> answer) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private Coalescer<String, Integer, String> coalescer(int max) {
        return new Coalescer<>(max, (key, items) -> {
            Call call = new Call(key, List.copyOf(items), new CompletableFuture<>());
            calls.add(call);
            return Uni.createFrom().completionStage(call.answer);
        });
    }

    @Test
    void whatArrivesDuringACallGoesTogetherInTheNextAndEachGetsItsOwnCallsAnswer() throws Exception {
        Coalescer<String, Integer, String> coalescer = coalescer(100);
        CompletableFuture<String> first = coalescer.submit("s", 1).subscribeAsCompletionStage();
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        for (int i = 2; i <= 5; i++) {
            waiting.add(coalescer.submit("s", i).subscribeAsCompletionStage());
        }
        assertEquals(1, calls.size(), "one call in flight for the key");
        assertEquals(List.of(1), calls.get(0).items());

        calls.get(0).answer().complete("after 1");
        assertEquals("after 1", first.get(1, TimeUnit.SECONDS));
        assertEquals(2, calls.size(), "the waiting items went as soon as the first call answered");
        assertEquals(List.of(2, 3, 4, 5), calls.get(1).items(), "together, in submission order");
        assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "not answered by the earlier call");

        calls.get(1).answer().complete("after 5");
        for (CompletableFuture<String> w : waiting) {
            assertEquals("after 5", w.get(1, TimeUnit.SECONDS));
        }
        assertEquals(2, calls.size());
        assertEquals(0, coalescer.busyKeys(), "an idle key keeps nothing");
    }

    @Test
    void keysDoNotWaitForEachOtherAndACallCarriesAtMostItsMaximum() throws Exception {
        Coalescer<String, Integer, String> coalescer = coalescer(2);
        coalescer.submit("a", 1).subscribeAsCompletionStage();
        coalescer.submit("b", 1).subscribeAsCompletionStage();
        assertEquals(2, calls.size(), "another key's call is not held back");
        List<CompletableFuture<String>> rest = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            rest.add(coalescer.submit("a", i).subscribeAsCompletionStage());
        }
        calls.get(0).answer().complete("a1");
        assertEquals(List.of(2, 3), calls.get(2).items());
        calls.get(2).answer().complete("a3");
        assertEquals(List.of(4, 5), calls.get(3).items());
        calls.get(3).answer().complete("a5");
        assertEquals(List.of(6), calls.get(4).items());
        calls.get(4).answer().complete("a6");
        calls.get(1).answer().complete("b1");
        assertEquals(List.of("a3", "a3", "a5", "a5", "a6"), rest.stream().map(CompletableFuture::join).toList());
        assertEquals(0, coalescer.busyKeys());
    }

    @Test
    void aFailedCallFailsItsItemsOnlyAndTheNextCallIsStillMade() throws Exception {
        Coalescer<String, Integer, String> coalescer = coalescer(100);
        CompletableFuture<String> first = coalescer.submit("s", 1).subscribeAsCompletionStage();
        CompletableFuture<String> second = coalescer.submit("s", 2).subscribeAsCompletionStage();
        calls.get(0).answer().completeExceptionally(new IllegalStateException("redis down"));
        Throwable failed = first.handle((ok, e) -> e).get(1, TimeUnit.SECONDS);
        assertInstanceOf(IllegalStateException.class, failed instanceof java.util.concurrent.CompletionException ? failed.getCause() : failed);
        assertEquals(2, calls.size());
        calls.get(1).answer().complete("back");
        assertEquals("back", second.get(1, TimeUnit.SECONDS));
    }

    @Test
    void underConcurrentSubmissionsEveryItemIsCarriedExactlyOnce() throws Exception {
        Coalescer<String, Integer, String> coalescer = new Coalescer<>(50, (key, items) -> {
            calls.add(new Call(key, List.copyOf(items), null));
            return Uni.createFrom().item("ok").onItem().delayIt().by(Duration.ofMillis(1));
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> all = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    all.add(coalescer.submit(thread % 2 == 0 ? "even" : "odd", thread * 1000 + i).subscribeAsCompletionStage());
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        List<Integer> carried = calls.stream().flatMap(c -> c.items().stream()).sorted().toList();
        assertEquals(4000, carried.size(), "every item carried once");
        assertEquals(4000, carried.stream().distinct().count());
        assertTrue(calls.size() < 4000, "items went together: " + calls.size() + " calls");
        assertTrue(calls.stream().allMatch(c -> c.items().size() <= 50));
        // A call's items are answered before its lane is retired, so the last lane goes just after the last answer.
        Await.until(Duration.ofSeconds(2), "every key idle and forgotten", () -> coalescer.busyKeys() == 0);
    }
}
