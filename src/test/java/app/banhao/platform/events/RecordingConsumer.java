package app.banhao.platform.events;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Remembers every test event it was handed, in the order it was handed them. */
@ApplicationScoped
public class RecordingConsumer implements EventConsumer {

    record Seen(String eventId, String thing, int n, String type) {
    }

    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

    @Override
    public String name() {
        return "test-recording";
    }

    @Override
    public boolean accepts(String type) {
        return type.startsWith("Test");
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        TestEvents.TestHappened payload = event.as(TestEvents.TestHappened.class);
        seen.add(new Seen(event.id().toString(), payload.thing(), payload.n(), event.type()));
        return Uni.createFrom().voidItem();
    }

    List<Seen> of(String thing) {
        return seen.stream().filter(s -> s.thing().equals(thing)).toList();
    }
}
