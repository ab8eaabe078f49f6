package app.banhao.platform.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An event that belongs on a case's timeline (a submission, a video session, a parcel on its way, a rating). A
 * feature puts itself on the timeline by letting its event implement this and adding the texts
 * {@code timeline.<kind>} to the message bundles; nothing else. The entry travels inside the event's payload (as
 * {@value #PROPERTY}), so the timeline needs no other feature to build it, and is worded when it is read, so a
 * text can change without rewriting a row.
 */
public interface CaseTimelineFact extends DomainEvent {

    /** Where the entry sits in the payload. */
    String PROPERTY = "caseTimeline";

    /** What the timeline shows of this event; null when this one is about no case (it is then not delivered). */
    @JsonProperty(PROPERTY)
    Entry caseTimeline();

    /** Who acted, as the timeline names them. */
    enum ActorKind {
        RESIDENT, STAFF, SYSTEM
    }

    /** Who may see the entry: everyone the case concerns, or its department's staff only. */
    enum Visibility {
        RESIDENT, STAFF
    }

    /**
     * One line of a case's timeline.
     *
     * @param applicationNo the case it belongs to
     * @param kind upper-case word naming it ({@code SUBMITTED}, {@code PARCEL_DISPATCHED}); its text is {@code timeline.<kind>}
     * @param params the text's arguments ({@code {0}}, {@code {1}} …), in the order the texts use them
     * @param actorName who acted, as shown (masked where it is a resident)
     * @param fromState the case's state before, for a state change only (else null), likewise {@code toState}
     * @param note free text shown as written (a reviewer's reason), or null
     */
    record Entry(String applicationNo, OffsetDateTime at, String kind, List<String> params, ActorKind actorKind, String actorName,
            String fromState, String toState, String note, Visibility visibility) {

        private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

        public Entry {
            Objects.requireNonNull(applicationNo, "applicationNo");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actorKind, "actorKind");
            Objects.requireNonNull(actorName, "actorName");
            if (kind == null || !KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("A timeline kind is an upper-case word: " + kind);
            }
            params = params == null ? List.of() : List.copyOf(params);
            visibility = visibility == null ? Visibility.RESIDENT : visibility;
        }

        /** An entry every party to the case sees, with no state change and no note. */
        public static Entry of(String applicationNo, OffsetDateTime at, String kind, ActorKind actorKind, String actorName,
                String... params) {
            return new Entry(applicationNo, at, kind, List.of(params), actorKind, actorName, null, null, null, Visibility.RESIDENT);
        }
    }
}
