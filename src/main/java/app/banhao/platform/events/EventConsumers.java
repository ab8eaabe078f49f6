package app.banhao.platform.events;

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

    public EventConsumers(Instance<EventConsumer> consumers) {
        this.byName = consumers.stream().collect(Collectors.toUnmodifiableMap(EventConsumer::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("Two event consumers are named " + a.name());
                }));
    }

    /** The names of the consumers that want {@code event}, in a stable order. */
    public List<String> namesFor(DomainEvent event) {
        return byName.values().stream().filter(c -> c.accepts(event)).map(EventConsumer::name).sorted().toList();
    }

    /** Null for a name no consumer has any more. */
    public EventConsumer named(String name) {
        return byName.get(name);
    }
}
