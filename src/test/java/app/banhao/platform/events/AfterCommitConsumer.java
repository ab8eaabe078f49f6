package app.banhao.platform.events;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Taken right after its writer's commit ({@link EventConsumer#afterWritersCommit}); remembers what it was handed and
 * fails on a {@link TestEvents.TestAnnouncedFailing} (after remembering it).
 */
@ApplicationScoped
public class AfterCommitConsumer implements EventConsumer {

    private final Queue<String> seen = new ConcurrentLinkedQueue<>();

    @Override
    public String name() {
        return "test-after-commit";
    }

    @Override
    public boolean accepts(String type) {
        return type.startsWith("TestAnnounced");
    }

    @Override
    public boolean afterWritersCommit() {
        return true;
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        TestEvents.TestAnnounced payload = event.as(TestEvents.TestAnnounced.class);
        seen.add(payload.thing() + "#" + payload.n());
        return event.type().equals("TestAnnouncedFailing")
                ? Uni.createFrom().failure(new IllegalStateException("the push went nowhere"))
                : Uni.createFrom().voidItem();
    }

    List<String> of(String thing) {
        return seen.stream().filter(s -> s.startsWith(thing + "#")).toList();
    }
}
