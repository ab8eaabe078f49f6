package app.banhao.application.progress;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.core.ApplicationEvents;
import app.banhao.application.core.CaseEvent;
import app.banhao.application.core.CaseEvents;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import io.smallrye.mutiny.Uni;

/**
 * Pushes each state change to the resident's devices (Redis pub/sub → SSE on whichever node they are on).
 * Best effort, as before: Redis down drops the push, never the delivery; the inbox and timeline stay the record.
 */
@ApplicationScoped
public class LiveProgressOnCaseEvents implements EventConsumer {

    private final ApplicationEvents publisher;

    public LiveProgressOnCaseEvents(ApplicationEvents publisher) {
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "live-progress";
    }

    @Override
    public boolean accepts(String type) {
        return CaseEvents.isStateChange(type);
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        CaseEvent e = event.as(CaseEvent.class);
        return publisher.publish(e.residentId(), new ApplicationEvents.StateChanged(e.applicationNo(), e.itemCode(),
                e.fromState(), e.toState(), e.timelineType(), e.at(), e.version(), e.itemName()));
    }
}
