package app.banhao.platform.events;

/**
 * Something that happened to an aggregate (a case, a certificate, a delivery), announced through the
 * {@link Outbox}. Implementations are records: their fields are the payload, as JSON.
 */
public interface DomainEvent {

    /** The kind of thing it happened to, e.g. {@code application}. */
    String aggregateType();

    /** Which one: events of one aggregate reach each consumer in the order they were written. */
    String aggregateId();

    /** The event's stable name, e.g. {@code ApplicationApproved}; consumers subscribe by it. */
    default String type() {
        return getClass().getSimpleName();
    }
}
