package app.banhao.platform.events;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.transaction.Transactions;
import io.smallrye.mutiny.Uni;

/**
 * A unit of work that announces what it did: it runs in a transaction of its own (again after a lost race), and the
 * events it wrote to the {@link Outbox} are delivered right after the commit, before the caller answers, so the
 * caller reads its own change in every consumer at once. What fails there is left to the relay.
 */
@ApplicationScoped
public class OutboxCommits {

    private final Outbox outbox;
    private final OutboxRelay relay;

    public OutboxCommits(Outbox outbox, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    /**
     * Whether a writer that sends its statements itself delivers its events at commit, as {@link #commitThenDeliver}
     * does on this node ({@link Outbox#publication}'s {@code writerDeliversAtCommit}).
     */
    public boolean deliversAtCommit() {
        return relay.enabled();
    }

    /** What such a writer does after its commit, with the events its publications kept, in their order. */
    public Uni<Void> deliver(List<PublishedEvent> written) {
        return written.isEmpty() ? Uni.createFrom().voidItem() : relay.deliverNow(written);
    }

    public <T> Uni<T> commitThenDeliver(Supplier<Uni<T>> work) {
        if (!relay.enabled()) { // a node kept out of relaying leaves everything to the others, best-effort consumers too
            return Transactions.retryingConflicts(work);
        }
        return Transactions.<T>retryingConflicts(() -> {
            outbox.collectWritten();
            return work.get();
        }).onFailure().invoke(e -> outbox.takeWritten()) // nothing committed: later writes on this context are queued
                .call(() -> relay.deliverNow(outbox.takeWritten()));
    }
}
