package app.banhao.platform.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** The start-up tasks run together within a stage, one stage after the other, each in a context of its own. */
class StartupTasksTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void tasksOfOneStageRunTogether() {
        // Each of the two finishes only once the other has begun: one after the other, the first would wait for good.
        CompletableFuture<Void> firstBegun = new CompletableFuture<>();
        CompletableFuture<Void> secondBegun = new CompletableFuture<>();
        StartupTask first = task(0, () -> {
            firstBegun.complete(null);
            return Uni.createFrom().completionStage(secondBegun).ifNoItem().after(Duration.ofSeconds(5)).fail();
        });
        StartupTask second = task(0, () -> {
            secondBegun.complete(null);
            return Uni.createFrom().completionStage(firstBegun).ifNoItem().after(Duration.ofSeconds(5)).fail();
        });
        new StartupTasks(vertx, List.of(first, second)).onStart(null);
        assertTrue(firstBegun.isDone() && secondBegun.isDone());
    }

    @Test
    void aLaterStageStartsWhenTheEarlierHasFinished() {
        List<String> order = new CopyOnWriteArrayList<>();
        StartupTask slow = task(0, () -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(200))
                .invoke(() -> order.add("stage 0 done")));
        StartupTask later = task(1, () -> Uni.createFrom().voidItem().invoke(() -> order.add("stage 1 begun")));
        new StartupTasks(vertx, List.of(later, slow)).onStart(null);
        assertEquals(List.of("stage 0 done", "stage 1 begun"), order);
    }

    @Test
    void eachTaskHasADuplicatedContextOfItsOwn() {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        StartupTask recording = task(0, () -> Uni.createFrom().voidItem().invoke(() -> contexts.add(Vertx.currentContext())));
        new StartupTasks(vertx, List.of(recording, recording, recording)).onStart(null);
        assertEquals(3, contexts.size());
        contexts.forEach(c -> assertTrue(VertxContext.isDuplicatedContext(c), "a duplicated context: its own session"));
        assertNotSame(contexts.get(0), contexts.get(1));
        assertNotSame(contexts.get(1), contexts.get(2));
        assertNotSame(contexts.get(0), contexts.get(2));
    }

    @Test
    void aFailedTaskFailsTheStartOnceTheOthersHaveFinished() {
        IllegalStateException cause = new IllegalStateException("no database");
        AtomicBoolean otherFinished = new AtomicBoolean();
        AtomicBoolean laterStageRan = new AtomicBoolean();
        StartupTask failing = task(0, () -> Uni.createFrom().failure(cause));
        StartupTask other = task(0, () -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(200))
                .invoke(() -> otherFinished.set(true)));
        StartupTask later = task(1, () -> Uni.createFrom().voidItem().invoke(() -> laterStageRan.set(true)));
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> new StartupTasks(vertx, List.of(failing, other, later)).onStart(null));
        assertSame(cause, failure.getCause());
        assertTrue(otherFinished.get(), "the stage's other task was let finish");
        assertTrue(!laterStageRan.get(), "no later stage runs after a failure");
    }

    @Test
    void aTaskThatThrowsInsteadOfFailingFailsTheStartToo() {
        IllegalStateException cause = new IllegalStateException("thrown");
        StartupTask throwing = task(0, () -> {
            throw cause;
        });
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> new StartupTasks(vertx, List.of(throwing)).onStart(null));
        assertSame(cause, failure.getCause());
    }

    private static StartupTask task(int stage, java.util.function.Supplier<Uni<Void>> work) {
        return new StartupTask() {
            @Override
            public int stage() {
                return stage;
            }

            @Override
            public Uni<Void> atStart() {
                return work.get();
            }
        };
    }
}
