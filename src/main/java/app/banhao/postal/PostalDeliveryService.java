package app.banhao.postal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.PostalDeliveryChoice;
import app.banhao.application.core.CaseLookup;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.events.CaseTimelineFact.ActorKind;
import app.banhao.platform.time.BusinessClock;
import app.banhao.resident.AddressService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The resident's side of postal delivery: choosing it (with an address from the book) and reading it. */
@ApplicationScoped
public class PostalDeliveryService {

    static final String POSTAL = "POSTAL";

    private final PostalDeliveryRepository deliveries;
    private final CaseLookup cases;
    private final ItemCatalog items;
    private final AddressService addresses;
    private final DataProtection crypto;
    private final PostalMapper mapper;
    private final BusinessClock clock;
    private final ParcelChanges changes;

    public PostalDeliveryService(PostalDeliveryRepository deliveries, CaseLookup cases, ItemCatalog items,
            AddressService addresses, DataProtection crypto, PostalMapper mapper, BusinessClock clock, ParcelChanges changes) {
        this.changes = changes;
        this.deliveries = deliveries;
        this.cases = cases;
        this.items = items;
        this.addresses = addresses;
        this.crypto = crypto;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Chooses postal delivery, or changes its address, while the result is still to come. The case's row stays locked
     * to the commit: an approval waits for this choice (and then finds it) or comes first (and this is 409).
     */
    @WithTransaction
    public Uni<app.banhao.api.model.PostalDelivery> choose(UUID residentId, String applicationNo, PostalDeliveryChoice choice) {
        return cases.ownedForUpdate(residentId, applicationNo).chain(c -> {
            if (c.itemCode() == null) {
                throw notOffered();
            }
            return deliveries.ofApplicationForUpdate(c.id()).chain(existing -> {
                // After the result only a delivery already under way may be re-addressed, until the courier has it.
                boolean readdress = existing != null && existing.state != DeliveryState.AWAITING_RESULT
                        && existing.state != DeliveryState.CANCELLED;
                if (readdress) {
                    ParcelChanges.requireChangeable(existing);
                } else if (!c.beforeResult()) {
                    throw ApiException.of(PostalErrors.DELIVERY_TOO_LATE, c.state().name());
                }
                return items.deliveryOptions(c.itemCode()).chain(options -> {
                    if (!options.contains(POSTAL)) {
                        throw notOffered();
                    }
                    return addresses.owned(residentId, choice.getAddressId());
                }).chain(address -> {
                    PostalDelivery d = existing != null ? existing : PostalDelivery.of(c, DeliveryKind.RESULT, clock.now());
                    if (!readdress) {
                        d.state = DeliveryState.AWAITING_RESULT;
                    }
                    d.address(crypto, address.recipient(), address.phone(), address.regionCode(), address.detail());
                    d.updatedAt = clock.now();
                    return (readdress ? changes.readdressed(d) : Uni.createFrom().item(d)).chain(deliveries::persistAndFlush);
                });
            });
        }).map(mapper::toDelivery);
    }

    /** Cancels the caller's postal delivery until the courier has it (the carrier's order too). */
    @WithTransaction
    public Uni<app.banhao.api.model.PostalDelivery> cancel(UUID residentId, String applicationNo) {
        return cases.owned(residentId, applicationNo)
                .chain(c -> deliveries.ofApplicationForUpdate(c.id()))
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(d -> changes.cancel(d, ActorKind.RESIDENT, "居民", "居民取消邮寄"))
                .map(mapper::toDelivery);
    }

    /** The delivery of the caller's own application; 404 when none was chosen or the case is another's. */
    @WithSession
    public Uni<app.banhao.api.model.PostalDelivery> get(UUID residentId, String applicationNo) {
        return cases.owned(residentId, applicationNo)
                .chain(c -> deliveries.ofApplication(c.id()))
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .map(mapper::toDelivery);
    }

    private static ApiException notOffered() {
        return ApiException.field(PostalErrors.POSTAL_NOT_OFFERED, FieldError.of("applicationNo", FieldCode.NOT_ALLOWED));
    }
}
