package app.banhao.application.progress;

import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.ApplicationStateEvent;
import app.banhao.application.core.ApplicationEvents;
import app.banhao.application.core.ApplicationMapper;
import io.quarkus.logging.Log;

/**
 * A state change as a resident's live-progress stream shows it: the event {@value #EVENT_NAME} carrying the contract's
 * {@link ApplicationStateEvent}, with the id {@code <applicationNo>:<version>}; and the comments around it.
 */
@ApplicationScoped
public class StateChangeSseEvents {

    public static final String EVENT_NAME = "application-state";

    /** One state change, shaped once for all of the resident's streams. */
    record Shaped(String id, String data) {

        OutboundSseEvent event(Sse sse) {
            // No explicit media type: the REST layer would add a non-standard "content-type:" line to the event.
            return sse.newEventBuilder().name(EVENT_NAME).id(id).data(String.class, data).build();
        }
    }

    private final ObjectMapper json;

    public StateChangeSseEvents(ObjectMapper json) {
        this.json = json;
    }

    /** The state change published as {@code message} on {@code channel}; none (and a log line) if it does not read. */
    Optional<Shaped> shape(String channel, String message) {
        try {
            ApplicationEvents.StateChanged change = json.readValue(message, ApplicationEvents.StateChanged.class);
            String data = json.writeValueAsString(new ApplicationStateEvent().applicationNo(change.applicationNo())
                    .itemName(change.itemName())
                    .fromState(ApplicationMapper.state(change.fromState()))
                    .toState(ApplicationMapper.state(change.toState()))
                    .at(change.at().withOffsetSameInstant(ZoneOffset.UTC)));
            return Optional.of(new Shaped(change.applicationNo() + ":" + change.version(), data));
        } catch (JsonProcessingException | RuntimeException e) {
            Log.warnf("Live progress: unreadable message on %s: %s", channel, e.toString());
            return Optional.empty();
        }
    }

    /** A comment line ({@code :connected}, {@code :ping}): seen by proxies, ignored by event listeners. */
    static OutboundSseEvent comment(Sse sse, String text) {
        return sse.newEventBuilder().comment(text).build();
    }
}
