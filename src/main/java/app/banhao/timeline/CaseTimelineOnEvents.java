package app.banhao.timeline;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import app.banhao.platform.events.CaseTimelineFact;
import app.banhao.platform.events.DomainEvent;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.platform.transaction.SqlStatement;
import io.smallrye.mutiny.Uni;

/**
 * Writes each event that is a {@link CaseTimelineFact} onto its case's timeline, whichever feature wrote it: the
 * event says so by what it is, when it is written, so a new feature is on the timeline without a line here and
 * without a list of event types to keep in step. Written in the transaction that writes the event, so the entry
 * commits with the change it tells of; a delivery the relay still owed from before (or runs again) finds its entry
 * there (unique by source and event) and writes nothing.
 */
@ApplicationScoped
public class CaseTimelineOnEvents implements EventConsumer {

    /** The part of any payload this consumer reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Carried(@JsonProperty(CaseTimelineFact.PROPERTY) CaseTimelineFact.Entry entry) {
    }

    private final CaseTimelineEntries entries;
    private final CaseTimelineMapper mapper;

    public CaseTimelineOnEvents(CaseTimelineEntries entries, CaseTimelineMapper mapper) {
        this.entries = entries;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "case-timeline";
    }

    /** By type alone nothing: see {@link #accepts(DomainEvent)}. */
    @Override
    public boolean accepts(String type) {
        return false;
    }

    /** One insert, the entry being part of what happened. */
    @Override
    public boolean inWritersTransaction() {
        return true;
    }

    @Override
    public boolean accepts(DomainEvent event) {
        return event instanceof CaseTimelineFact fact && fact.caseTimeline() != null;
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        CaseTimelineEntry row = row(event);
        return row == null ? Uni.createFrom().voidItem() : entries.addIfAbsent(row).replaceWithVoid();
    }

    @Override
    public List<SqlStatement> writes(PublishedEvent event) {
        CaseTimelineEntry row = row(event);
        return row == null ? List.of() : List.of(entries.add(row));
    }

    private CaseTimelineEntry row(PublishedEvent event) {
        CaseTimelineFact.Entry entry = event.madeAs(CaseTimelineFact.class).map(CaseTimelineFact::caseTimeline)
                .orElseGet(() -> event.as(Carried.class).entry());
        return entry == null ? null : mapper.toRow(entry, event.aggregateType(), event.id());
    }
}
