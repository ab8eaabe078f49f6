package app.banhao.platform.events;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An event that leaves a message in a resident's inbox (an invitation to rate, the outcome of an appeal). Like
 * {@link CaseTimelineFact}, a feature reaches the inbox by letting its event implement this and adding the texts
 * {@code message.topic.<TOPIC>} (and {@code .body} for a notice about no case) to its {@code i18n/inbox} bundle; the
 * notice travels in the payload (as {@value #PROPERTY}), so the inbox needs no other feature to write it.
 */
public interface ResidentNoticeFact extends DomainEvent {

    /** Where the notice sits in the payload. */
    String PROPERTY = "residentNotice";

    /** The message to leave; null when this event tells the resident nothing. */
    @JsonProperty(PROPERTY)
    Notice residentNotice();

    /**
     * One message.
     *
     * @param topic upper-case word naming it; its title is {@code message.topic.<topic>}
     * @param applicationNo the case it is about, or null (then its text is {@code message.topic.<topic>.body})
     * @param note free text shown as written (an administrator's reason), or null
     */
    record Notice(UUID residentId, String topic, String applicationNo, String itemName, String note, OffsetDateTime at) {

        public Notice {
            Objects.requireNonNull(residentId, "residentId");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(at, "at");
        }
    }
}
