package app.banhao.platform.events;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An event as the relay hands it to a consumer: its envelope, and its payload readable as its record. */
public final class PublishedEvent {

    private final OutboxEvent row;
    private final ObjectMapper json;
    private final Map<Class<?>, Object> read = new HashMap<>(4);

    PublishedEvent(OutboxEvent row, ObjectMapper json) {
        this.row = row;
        this.json = json;
    }

    public UUID id() {
        return row.id;
    }

    /** The event's place in the order of all events; larger is later. */
    public long seq() {
        return row.seq;
    }

    public String aggregateType() {
        return row.aggregateType;
    }

    public String aggregateId() {
        return row.aggregateId;
    }

    public String type() {
        return row.type;
    }

    public OffsetDateTime createdAt() {
        return row.createdAt;
    }

    public String payloadJson() {
        return row.payload;
    }

    /**
     * The payload as the record that was published, read once per type: the consumers of one delivery round share
     * this envelope, and records are immutable.
     */
    public <T> T as(Class<T> type) {
        return type.cast(read.computeIfAbsent(type, this::parse));
    }

    private Object parse(Class<?> type) {
        try {
            return json.readValue(row.payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + row.id + " (" + row.type + ") is not a " + type.getSimpleName(), e);
        }
    }
}
