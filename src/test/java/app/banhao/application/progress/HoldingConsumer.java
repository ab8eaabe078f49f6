package app.banhao.application.progress;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.core.CaseEvents;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import io.smallrye.mutiny.Uni;

/**
 * A consumer that, while a test asks for it, holds the delivery round open before it commits, so a push sent
 * from inside the round (rather than after its commit) reaches the resident well before what it announces is
 * there. Takes no events otherwise: the other tests' rounds are untouched.
 */
@ApplicationScoped
public class HoldingConsumer implements EventConsumer {

    static volatile Duration hold;

    @Override
    public String name() {
        return "test-holding";
    }

    @Override
    public boolean accepts(String type) {
        return hold != null && CaseEvents.isStateChange(type);
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        Duration now = hold;
        return now == null ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem().delayIt().by(now);
    }
}
