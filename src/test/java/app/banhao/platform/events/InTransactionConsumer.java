package app.banhao.platform.events;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Runs in the transaction that publishes its events and remembers what it was handed; on a
 * {@link TestEvents.TestWrittenActingAfterCommit} it asks for an after-commit action, which is refused to it.
 */
@ApplicationScoped
public class InTransactionConsumer implements EventConsumer {

    private final Queue<String> seen = new ConcurrentLinkedQueue<>();

    @Override
    public String name() {
        return "test-in-transaction";
    }

    @Override
    public boolean accepts(String type) {
        return type.startsWith("TestWritten");
    }

    @Override
    public boolean inWritersTransaction() {
        return true;
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        TestEvents.TestWritten payload = event.as(TestEvents.TestWritten.class);
        seen.add(payload.thing() + "#" + payload.n());
        if (event.type().equals("TestWrittenActingAfterCommit")) {
            event.afterCommit(() -> Uni.createFrom().voidItem());
        }
        return Uni.createFrom().voidItem();
    }

    List<String> of(String thing) {
        return seen.stream().filter(s -> s.startsWith(thing + "#")).toList();
    }
}
