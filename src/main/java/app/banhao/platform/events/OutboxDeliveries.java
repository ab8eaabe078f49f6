package app.banhao.platform.events;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The operator's view of what the relay owes: listing deliveries by state, and retrying a dead one. */
@ApplicationScoped
public class OutboxDeliveries {

    /** A delivery with the envelope of its event. */
    public record Row(OutboxDelivery delivery, OutboxEvent event) {
    }

    private final AuditTrail audit;
    private final BusinessClock clock;

    public OutboxDeliveries(AuditTrail audit, BusinessClock clock) {
        this.clock = clock;
        this.audit = audit;
    }

    /** PENDING oldest first (what the relay works through next); DONE and DEAD newest first. */
    @WithSession
    public Uni<Page<Row>> list(OutboxDelivery.State state, PageRequest page) {
        boolean oldestFirst = state == OutboxDelivery.State.PENDING;
        String after = oldestFirst ? ">" : "<";
        StringBuilder q = new StringBuilder("select d, e from OutboxDelivery d join OutboxEvent e on e.id = d.id.eventId"
                + " where d.state = :state");
        if (page.after().isPresent()) {
            q.append(" and (d.eventSeq ").append(after).append(" :seq or (d.eventSeq = :seq and d.id.consumer ").append(after)
                    .append(" :consumer))");
        }
        String direction = oldestFirst ? " asc" : " desc";
        q.append(" order by d.eventSeq").append(direction).append(", d.id.consumer").append(direction);
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(q.toString(), Object[].class).setParameter("state", state);
            page.after().ifPresent(c -> query.setParameter("seq", parseSeq(c.key())).setParameter("consumer", c.id()));
            return query.setMaxResults(page.fetchSize()).getResultList();
        }).map(rows -> Page.from(rows.stream().map(r -> new Row((OutboxDelivery) r[0], (OutboxEvent) r[1])).toList(), page,
                row -> new PageRequest.Cursor(Long.toString(row.delivery().eventSeq), row.delivery().id.consumer)));
    }

    /** Puts a DEAD delivery back in the queue with a fresh set of attempts; 404 unknown, 409 not DEAD. */
    @WithTransaction
    public Uni<Row> retry(UUID eventId, String consumer) {
        OutboxDelivery.Key key = OutboxDelivery.Key.of(eventId, consumer);
        return Panache.getSession().chain(s -> s.find(OutboxDelivery.class, key, LockMode.PESSIMISTIC_WRITE)
                .chain(d -> {
                    if (d == null) {
                        throw ApiException.of(ErrorCode.NOT_FOUND);
                    }
                    if (d.state != OutboxDelivery.State.DEAD) {
                        throw ApiException.of(ErrorCode.CONFLICT);
                    }
                    OffsetDateTime now = clock.now();
                    d.state = OutboxDelivery.State.PENDING;
                    d.attempts = 0;
                    d.nextAttemptAt = now;
                    d.updatedAt = now;
                    return s.find(OutboxEvent.class, eventId).map(e -> new Row(d, e));
                })
                .call(row -> audit.record(AuditEvent.of("outbox.retry").target("outbox-delivery", eventId + "/" + consumer)
                        .details(Map.of("eventType", row.event().type, "aggregate", row.delivery().aggregateKey)))));
    }

    private static long parseSeq(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiException.field(ErrorCode.INVALID_CURSOR,
                    FieldError.of("cursor", FieldCode.INVALID_FORMAT));
        }
    }

}
