package app.banhao.platform.concurrent;

import java.util.concurrent.Callable;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Blocking work (bcrypt, reading an uploaded temporary file) kept off the event loop. */
public final class Offload {

    private Offload() {
    }

    /**
     * Runs {@code work} on a worker and comes back on the caller's Vert.x context, where a reactive Hibernate
     * session may be open and must keep being used from its own thread.
     */
    public static <T> Uni<T> call(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(Unchecked.supplier(work::call)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }
}
