package app.banhao.testing;

import java.util.function.Supplier;

import app.banhao.platform.events.DomainEvent;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Drives the outbox from a test thread: an event written in a transaction of its own, everything due delivered now. */
public final class OutboxSteps {

    private OutboxSteps() {
    }

    /** Writes {@code event} and commits, as a feature's change would. */
    public static void publish(Outbox outbox, DomainEvent event) throws Exception {
        await(() -> Panache.withTransaction(() -> outbox.publish(event)));
    }

    /** Delivers everything due now (the scheduled relay may deliver some of it first). */
    public static void drain(OutboxRelay relay) throws Exception {
        await(relay::drain);
    }

    /** Runs {@code work} on a Vert.x context and waits for it; its failure is thrown as it is where it can be. */
    public static <T> T await(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
