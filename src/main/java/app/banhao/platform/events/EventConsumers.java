package app.banhao.platform.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Every {@link EventConsumer} bean, by name; two consumers with one name are refused at start-up. */
@ApplicationScoped
public class EventConsumers {

    private final Map<String, EventConsumer> byName;
    /** The same, in name order: each event's three lists come out in that order without sorting them. */
    private final List<EventConsumer> inNameOrder;

    public EventConsumers(Instance<EventConsumer> consumers) {
        this.byName = consumers.stream().collect(Collectors.toUnmodifiableMap(EventConsumer::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("Two event consumers are named " + a.name());
                }));
        this.inNameOrder = byName.values().stream().sorted(Comparator.comparing(EventConsumer::name)).toList();
    }

    /**
     * The consumers that want {@code event}: those that run in the writer's transaction, those its writer hands it to
     * after the commit (only when {@code writerDeliversAtCommit}; queued otherwise), and the names of those queued.
     */
    Wanted wantedBy(DomainEvent event, boolean writerDeliversAtCommit) {
        List<EventConsumer> inTransaction = new ArrayList<>(2);
        List<EventConsumer> afterCommit = new ArrayList<>(2);
        List<String> queued = new ArrayList<>(4);
        for (EventConsumer c : inNameOrder) {
            if (c.accepts(event)) {
                if (c.inWritersTransaction()) {
                    inTransaction.add(c);
                } else if (c.afterWritersCommit() && writerDeliversAtCommit) {
                    afterCommit.add(c);
                } else {
                    queued.add(c.name());
                }
            }
        }
        return new Wanted(inTransaction, afterCommit, queued);
    }

    /** Who wants one event, each list in a stable order (by name). */
    record Wanted(List<EventConsumer> inTransaction, List<EventConsumer> afterCommit, List<String> queued) {
    }

    /** Null for a name no consumer has any more. */
    public EventConsumer named(String name) {
        return byName.get(name);
    }
}
