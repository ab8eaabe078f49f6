package app.banhao.platform.events;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.OperationsApi;
import app.banhao.api.model.EventDelivery;
import app.banhao.api.model.EventDeliveryPage;
import app.banhao.api.model.EventDeliveryState;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** Operators' view of the case-event relay (ADMIN). */
@RolesAllowed(TokenClaims.ADMIN)
public class OperationsResource implements OperationsApi {

    private final OutboxDeliveries deliveries;

    public OperationsResource(OutboxDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Uni<EventDeliveryPage> listEventDeliveries(EventDeliveryState state, String cursor, Integer limit) {
        OutboxDelivery.State wanted = state == null ? OutboxDelivery.State.DEAD : OutboxDelivery.State.valueOf(state.name());
        return deliveries.list(wanted, PageRequest.of(cursor, limit)).map(page -> new EventDeliveryPage()
                .items(page.items().stream().map(OperationsResource::toApi).toList()).nextCursor(page.nextCursor()));
    }

    @Override
    public Uni<EventDelivery> retryEventDelivery(UUID eventId, String consumer) {
        return deliveries.retry(eventId, consumer).map(OperationsResource::toApi);
    }

    private static EventDelivery toApi(OutboxDeliveries.Row row) {
        OutboxDelivery d = row.delivery();
        return new EventDelivery().eventId(d.id.eventId).consumer(d.id.consumer).eventType(row.event().type)
                .aggregateType(row.event().aggregateType).aggregateId(row.event().aggregateId)
                .state(EventDeliveryState.valueOf(d.state.name())).attempts(d.attempts).lastError(d.lastError)
                .nextAttemptAt(d.nextAttemptAt).eventCreatedAt(row.event().createdAt).updatedAt(d.updatedAt);
    }
}
