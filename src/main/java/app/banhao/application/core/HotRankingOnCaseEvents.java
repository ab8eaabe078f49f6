package app.banhao.application.core;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.catalog.HotServices;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import io.smallrye.mutiny.Uni;

/**
 * Each item submitted (a bundle's children one by one; the parent has no item) counts once in today's hot ranking. A
 * popularity count in Redis, which drops the count when Redis is down: handed over by the writer right after its
 * commit, with no delivery row ({@link #afterWritersCommit}).
 */
@ApplicationScoped
public class HotRankingOnCaseEvents implements EventConsumer {

    private final HotServices hot;

    public HotRankingOnCaseEvents(HotServices hot) {
        this.hot = hot;
    }

    @Override
    public String name() {
        return "hot-ranking";
    }

    @Override
    public boolean accepts(String type) {
        return CaseEvent.SUBMITTED.equals(type);
    }

    @Override
    public boolean afterWritersCommit() {
        return true;
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        String item = event.as(CaseEvent.class).itemCode();
        return item == null ? Uni.createFrom().voidItem() : hot.recordApplication(item).replaceWithVoid();
    }
}
