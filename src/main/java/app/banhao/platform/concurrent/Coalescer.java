package app.banhao.platform.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Calls for one key made together (group commit): while a call for a key is in flight, the items submitted for that
 * key wait, and go in one call as soon as it answers; everyone in a call gets its answer. No timer: an item alone waits
 * for nothing, and under load a call carries what arrived during the previous one's round trip, so the calls per
 * second stay about one per key and round trip however many items come in.
 *
 * <p>Each waiter is answered on the Vert.x context it submitted from (its request's), whichever node thread the
 * call's answer came back on. A call that fails fails every item it carried; the next call is made all the same.
 *
 * @param <K> what items are grouped by (a call is about one key)
 * @param <I> an item
 * @param <R> the answer of a call, given to each of its items
 */
public final class Coalescer<K, I, R> {

    private final int maxItemsPerCall;
    private final BiFunction<K, List<I>, Uni<R>> call;
    private final ConcurrentHashMap<K, Lane> lanes = new ConcurrentHashMap<>();

    /** {@code call} makes one call for a key and its items (in submission order, at most {@code maxItemsPerCall}). */
    public Coalescer(int maxItemsPerCall, BiFunction<K, List<I>, Uni<R>> call) {
        if (maxItemsPerCall < 1) {
            throw new IllegalArgumentException("maxItemsPerCall must be at least 1");
        }
        this.maxItemsPerCall = maxItemsPerCall;
        this.call = call;
    }

    /** The answer of the call that carries {@code item}. */
    public Uni<R> submit(K key, I item) {
        return Uni.createFrom().emitter(emitter -> enqueue(key, new Waiter<>(item, emitter, Vertx.currentContext())));
    }

    /** Keys with a call in flight or items waiting (for tests: an idle key keeps nothing). */
    int busyKeys() {
        return lanes.size();
    }

    private void enqueue(K key, Waiter<I, R> waiter) {
        while (true) {
            Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
            boolean start;
            synchronized (lane) {
                if (lane.retired) {
                    continue; // it went idle and was removed between the lookup and the lock: take the new one
                }
                lane.waiting.add(waiter);
                start = !lane.inFlight;
                lane.inFlight = true;
            }
            if (start) {
                send(key, lane);
            }
            return;
        }
    }

    private void send(K key, Lane lane) {
        List<Waiter<I, R>> batch;
        synchronized (lane) {
            batch = new ArrayList<>(Math.min(lane.waiting.size(), maxItemsPerCall));
            while (batch.size() < maxItemsPerCall && !lane.waiting.isEmpty()) {
                batch.add(lane.waiting.poll());
            }
        }
        List<I> items = new ArrayList<>(batch.size());
        batch.forEach(w -> items.add(w.item));
        Uni<R> made;
        try {
            made = call.apply(key, items);
        } catch (RuntimeException e) {
            made = Uni.createFrom().failure(e);
        }
        made.subscribe().with(answer -> {
            batch.forEach(w -> w.answer(e -> e.complete(answer)));
            next(key, lane);
        }, failure -> {
            batch.forEach(w -> w.answer(e -> e.fail(failure)));
            next(key, lane);
        });
    }

    private void next(K key, Lane lane) {
        synchronized (lane) {
            if (lane.waiting.isEmpty()) {
                lane.inFlight = false;
                lane.retired = true;
                lanes.remove(key, lane);
                return;
            }
        }
        send(key, lane);
    }

    /** A key's waiting items and whether a call for it is in flight; retired once idle and removed. */
    private final class Lane {
        final ArrayDeque<Waiter<I, R>> waiting = new ArrayDeque<>();
        boolean inFlight;
        boolean retired;
    }

    private record Waiter<I, R>(I item, UniEmitter<? super R> emitter, Context context) {

        void answer(Consumer<UniEmitter<? super R>> how) {
            if (context == null) {
                how.accept(emitter);
            } else {
                context.runOnContext(ignored -> how.accept(emitter));
            }
        }
    }
}
