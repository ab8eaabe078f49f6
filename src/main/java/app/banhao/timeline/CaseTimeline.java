package app.banhao.timeline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationEventList;
import app.banhao.api.model.ApplicationEventView;
import app.banhao.platform.events.CaseTimelineFact;
import app.banhao.platform.i18n.Messages;
import io.smallrye.mutiny.Uni;

/**
 * The timeline feature's entry for the others: a case's timeline as its resident or its department sees it, and
 * the notes staff keep on it. Who may see which case is the caller's to decide (the case's owner, the reviewers of
 * its department); everything here runs in the caller's session or transaction.
 */
@ApplicationScoped
public class CaseTimeline {

    /** The kind of a staff note; its text is {@code timeline.STAFF_NOTE}, the note itself is shown as written. */
    public static final String STAFF_NOTE = "STAFF_NOTE";

    private final CaseTimelineEntries entries;
    private final CaseTimelineMapper mapper;

    public CaseTimeline(CaseTimelineEntries entries, CaseTimelineMapper mapper) {
        this.entries = entries;
        this.mapper = mapper;
    }

    /** What the case's resident sees, oldest first: never a staff note. */
    public Uni<ApplicationEventList> forResident(String applicationNo, Messages.Language language) {
        return list(applicationNo, false, language);
    }

    /** What the case's department sees: the same entries and its own notes, oldest first. */
    public Uni<ApplicationEventList> forStaff(String applicationNo, Messages.Language language) {
        return list(applicationNo, true, language);
    }

    /**
     * Adds an internal note by a staff member at {@code at}, in the caller's transaction: the note is the timeline's own
     * staff-side data, which no other feature reacts to, so it is written here rather than announced as an event
     * (visible in the answer at once, and nothing to deliver).
     */
    public Uni<ApplicationEventView> addStaffNote(String applicationNo, UUID staffId, String staffName, String text,
            OffsetDateTime at, Messages.Language language) {
        CaseTimelineEntry row = mapper.toRow(new CaseTimelineFact.Entry(applicationNo, at, STAFF_NOTE, List.of(),
                CaseTimelineFact.ActorKind.STAFF, staffName, null, null, text, CaseTimelineFact.Visibility.STAFF),
                CaseTimelineEntry.STAFF_NOTE_SOURCE, UUID.randomUUID());
        row.actorId = staffId.toString();
        return entries.addIfAbsent(row).map(written -> mapper.toEvent(row, language));
    }

    private Uni<ApplicationEventList> list(String applicationNo, boolean staff, Messages.Language language) {
        return entries.of(applicationNo, staff)
                .map(rows -> new ApplicationEventList().items(rows.stream().map(e -> mapper.toEvent(e, language)).toList()));
    }
}
