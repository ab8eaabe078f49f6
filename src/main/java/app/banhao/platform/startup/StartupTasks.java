package app.banhao.platform.startup;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs every {@link StartupTask} at start. The tasks are mostly a query or two each, and one after another their round
 * trips (and the first use of each pooled connection) added up to about a second of every start (issue 16); together
 * they overlap. Each task gets a duplicated context of its own: one shared context would give them one Hibernate
 * session, which must never be used by two chains at once.
 */
@ApplicationScoped
public class StartupTasks {

    private final Vertx vertx;
    private final List<StartupTask> tasks;

    public StartupTasks(Vertx vertx, @All List<StartupTask> tasks) {
        this.vertx = vertx;
        this.tasks = tasks;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        Map<Integer, List<StartupTask>> stages = tasks.stream()
                .collect(Collectors.groupingBy(StartupTask::stage, TreeMap::new, Collectors.toList()));
        stages.values().forEach(this::awaitAll);
        Log.debugf("%d start-up tasks in %d ms", tasks.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void awaitAll(List<StartupTask> stage) {
        List<CompletableFuture<Void>> running = stage.stream().map(this::start).toList();
        RuntimeException failure = null;
        for (CompletableFuture<Void> task : running) {
            try {
                task.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = new IllegalStateException("A start-up task failed: " + e.getCause(), e.getCause());
                } else {
                    failure.addSuppressed(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private CompletableFuture<Void> start(StartupTask task) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored -> Uni.createFrom().deferred(task::atStart)
                .subscribe().with(done::complete, done::completeExceptionally));
        return done;
    }
}
