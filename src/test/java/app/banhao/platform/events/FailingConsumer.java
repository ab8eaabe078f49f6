package app.banhao.platform.events;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** A consumer whose downstream is broken for good: every attempt fails. */
@ApplicationScoped
public class FailingConsumer implements EventConsumer {

    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public String name() {
        return "test-failing";
    }

    @Override
    public boolean accepts(String type) {
        return type.equals("TestFlaky");
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        attempts.incrementAndGet();
        return Uni.createFrom().failure(new IllegalStateException("downstream refused " + event.id()));
    }
}
