package app.banhao.application.progress;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.core.ApplicationEvents;
import app.banhao.application.core.CaseEvent;
import app.banhao.application.core.CaseEvents;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import io.smallrye.mutiny.Uni;

/**
 * Pushes each state change to the resident's devices (Redis pub/sub → SSE on whichever node they are on), after the
 * delivery round commits. Best effort, as before: Redis down drops the push, never the delivery; the inbox and
 * timeline stay the record.
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

    /**
     * The push goes out once the delivery round has committed: the resident's app reloads the case and its timeline
     * when it arrives, and both committed with the change, before this round began (the journey test in clients/h5
     * once read the timeline before its entry was there).
     */
    @Override
    public Uni<Void> handle(PublishedEvent event) {
        CaseEvent e = event.as(CaseEvent.class);
        event.afterCommit(() -> publisher.publish(e.residentId(), new ApplicationEvents.StateChanged(e.applicationNo(), e.itemCode(),
                e.fromState(), e.toState(), e.timelineType(), e.at(), e.version(), e.itemName())));
        return Uni.createFrom().voidItem();
    }
}
