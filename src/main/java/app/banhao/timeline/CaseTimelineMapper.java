package app.banhao.timeline;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.ApplicationEventView;
import app.banhao.api.model.ApplicationState;
import app.banhao.platform.events.CaseTimelineFact;
import app.banhao.platform.i18n.Messages;

/** Entries in and out: a fact as a row, a row as the contract's event with its text worded in the reader's language. */
@ApplicationScoped
public class CaseTimelineMapper {

    /** Where the kinds are worded: {@code i18n/timeline}, to which a feature may add kinds in a file of its own. */
    static final String TEXTS = Messages.bundleOf(CaseTimelineMapper.class);

    /** How the arguments are stored: an object around the list (the reactive client binds a jsonb value as an object). */
    record Args(List<String> args) {
    }

    private final ObjectMapper json;

    public CaseTimelineMapper(ObjectMapper json) {
        this.json = json;
    }

    CaseTimelineEntry toRow(CaseTimelineFact.Entry fact, String source, UUID eventId) {
        CaseTimelineEntry e = new CaseTimelineEntry();
        e.applicationNo = fact.applicationNo();
        e.source = source;
        e.eventId = eventId;
        e.kind = fact.kind();
        e.at = fact.at();
        e.actorKind = fact.actorKind();
        e.actorDisplay = fact.actorName();
        e.fromState = fact.fromState();
        e.toState = fact.toState();
        e.note = fact.note();
        e.visibility = fact.visibility();
        try {
            e.params = json.writeValueAsString(new Args(fact.params()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A list of strings is always JSON", impossible);
        }
        return e;
    }

    ApplicationEventView toEvent(CaseTimelineEntry e, Messages.Language language) {
        return new ApplicationEventView().at(e.at.withOffsetSameInstant(ZoneOffset.UTC))
                .type(e.kind).kind(e.kind).text(text(e, language)).source(e.source)
                .fromState(state(e.fromState)).toState(state(e.toState))
                .actorKind(ApplicationEventView.ActorKindEnum.fromValue(e.actorKind.name()))
                .actorName(e.actorDisplay).note(e.note)
                .visibility(ApplicationEventView.VisibilityEnum.fromValue(e.visibility.name()));
    }

    /** {@code timeline.<kind>} with the entry's arguments; the key itself until a feature adds its texts. */
    String text(CaseTimelineEntry e, Messages.Language language) {
        try {
            List<String> args = json.readValue(e.params, Args.class).args();
            return Messages.textIn(language, TEXTS, "timeline." + e.kind, args == null ? new Object[0] : args.toArray());
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("Timeline entry " + e.id + " has arguments that are not a list of strings", corrupt);
        }
    }

    /** A state the contract knows, or none (a feature's entry names no state). */
    private static ApplicationState state(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ApplicationState.fromValue(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
