package app.banhao.video.availability;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.VideoAvailability;
import app.banhao.api.model.VideoAvailabilityInput;
import app.banhao.api.model.VideoAvailabilityList;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.web.IfMatch;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Publishing video-service availability (ADMIN): each change is audited in its transaction and, once committed,
 * bumps the department's slot cache so the next listing on any node recomputes.
 */
@ApplicationScoped
public class AvailabilityService {

    private final AvailabilityRepository availabilities;
    private final AvailabilityMapper mapper;
    private final ItemCatalog catalog;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final CacheAside cache;
    private final BusinessClock clock;

    public AvailabilityService(AvailabilityRepository availabilities, AvailabilityMapper mapper, ItemCatalog catalog,
            Idempotency idempotency, AuditTrail audit, CacheAside cache, BusinessClock clock) {
        this.availabilities = availabilities;
        this.mapper = mapper;
        this.catalog = catalog;
        this.idempotency = idempotency;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    @WithSession
    public Uni<VideoAvailabilityList> list(String departmentCode) {
        return availabilities.list("departmentCode = ?1 order by createdAt, id", departmentCode)
                .map(rows -> new VideoAvailabilityList().items(rows.stream().map(mapper::view).toList()));
    }

    public Uni<VideoAvailability> publish(String actorId, VideoAvailabilityInput input, String idempotencyKey) {
        return Panache.withTransaction(() -> publishInTransaction(actorId, input, idempotencyKey))
                .call(saved -> cache.invalidate(SlotCache.namespace(saved.getDepartmentCode())));
    }

    public Uni<VideoAvailability> update(UUID id, VideoAvailabilityInput input, String ifMatch) {
        return Panache.withTransaction(() -> updateInTransaction(id, input, ifMatch))
                .call(saved -> cache.invalidate(SlotCache.namespace(saved.getDepartmentCode())));
    }

    private Uni<VideoAvailability> publishInTransaction(String actorId, VideoAvailabilityInput input, String idempotencyKey) {
        return idempotency.once("staff:" + actorId + ":publishVideoAvailability", idempotencyKey, input,
                VideoAvailability.class, () -> checked(input).chain(() -> {
                    Availability a = new Availability();
                    a.id = UUID.randomUUID();
                    a.departmentCode = input.getDepartmentCode();
                    a.createdAt = clock.now();
                    a.updatedAt = a.createdAt;
                    mapper.apply(input, a);
                    return availabilities.persist(a).call(() -> audited("video.availability.create", a))
                            .map(mapper::view);
                }));
    }

    private Uni<VideoAvailability> updateInTransaction(UUID id, VideoAvailabilityInput input, String ifMatch) {
        return availabilities.findForUpdate(id).chain(a -> {
            if (a == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            IfMatch.requireCurrentIfPresent(ifMatch, a.version);
            if (!a.departmentCode.equals(input.getDepartmentCode())) {
                throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("departmentCode", FieldCode.NOT_ALLOWED));
            }
            return checked(input).chain(() -> {
                mapper.apply(input, a);
                a.updatedAt = clock.now();
                return audited("video.availability.update", a).chain(availabilities::flush).map(x -> mapper.view(a));
            });
        });
    }

    /** The rules bean validation cannot say: a published department, an item of it, a window holding a slot. */
    private Uni<Void> checked(VideoAvailabilityInput in) {
        LocalTime start = LocalTime.parse(in.getWindowStart());
        LocalTime end = LocalTime.parse(in.getWindowEnd());
        if (!end.isAfter(start) || Duration.between(start, end).toMinutes() < in.getSlotMinutes()) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("windowEnd", FieldCode.INVALID));
        }
        if (in.getValidUntil() != null && in.getValidUntil().isBefore(in.getValidFrom())) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("validUntil", FieldCode.INVALID));
        }
        return catalog.departmentActive(in.getDepartmentCode()).chain(known -> {
            if (!known) {
                throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("departmentCode", FieldCode.NOT_ALLOWED));
            }
            if (in.getItemCode() == null) {
                return Uni.createFrom().voidItem();
            }
            return catalog.any(in.getItemCode()).map(item -> {
                if (item == null || !item.active() || !in.getDepartmentCode().equals(item.departmentCode())) {
                    throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("itemCode", FieldCode.NOT_ALLOWED));
                }
                return null;
            });
        }).replaceWithVoid();
    }

    private Uni<Void> audited(String action, Availability a) {
        return audit.record(AuditEvent.of(action).target("video-availability", a.id.toString())
                .details(Map.of("department", a.departmentCode, "capacity", a.capacity, "slotMinutes", a.slotMinutes)));
    }
}
