package app.banhao.application.progress;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.core.ApplicationEvents;
import app.banhao.application.core.CaseEvent;
import app.banhao.application.core.CaseEvents;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import io.smallrye.mutiny.Uni;

/**
 * Pushes each state change to the resident's devices (Redis pub/sub → SSE on whichever node they are on), once the
 * change has committed. Best effort: Redis down drops the push; the inbox and timeline stay the record, and an app
 * reloads them when it reconnects. So the writer hands the event over itself right after its commit, with no delivery
 * row ({@link #afterWritersCommit}); an event written elsewhere comes through the relay, after its delivery commits.
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
    public boolean afterWritersCommit() {
        return true;
    }

    /**
     * The push goes out once the change (or the relay's delivery round) has committed: the resident's app reloads the
     * case and its timeline when it arrives, and both committed with the change (the journey test in clients/h5 once
     * read the timeline before its entry was there).
     */
    @Override
    public Uni<Void> handle(PublishedEvent event) {
        CaseEvent e = event.as(CaseEvent.class);
        event.afterCommit(() -> publisher.publish(e.residentId(), new ApplicationEvents.StateChanged(e.applicationNo(), e.itemCode(),
                e.fromState(), e.toState(), e.timelineType(), e.at(), e.version(), e.itemName())));
        return Uni.createFrom().voidItem();
    }
}
