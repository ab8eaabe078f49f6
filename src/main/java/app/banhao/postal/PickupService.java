package app.banhao.postal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.PostalPickupBooking;
import app.banhao.application.core.CaseLookup;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.events.CaseTimelineFact.ActorKind;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.time.BusinessClock;
import app.banhao.resident.AddressService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The resident's pick-up of their originals (代收, 上门取件): booked with an address from the book and a window, the
 * carrier order sent through the outbox like every parcel (the resident is the sender, the department the receiver),
 * changed or cancelled until the courier has it, then tracked to the department, whose staff record it received.
 */
@ApplicationScoped
public class PickupService {

    /** A pick-up in these is over: booking again starts a new one. */
    static final Set<DeliveryState> ENDED = EnumSet.of(DeliveryState.CANCELLED, DeliveryState.RECEIVED, DeliveryState.RETURNED);

    private final PostalDeliveryRepository deliveries;
    private final CaseLookup cases;
    private final AddressService addresses;
    private final PickupWindows windows;
    private final ParcelChanges changes;
    private final DataProtection crypto;
    private final Outbox outbox;
    private final PostalMapper mapper;
    private final BusinessClock clock;

    public PickupService(PostalDeliveryRepository deliveries, CaseLookup cases, AddressService addresses,
            PickupWindows windows, ParcelChanges changes, DataProtection crypto, Outbox outbox, PostalMapper mapper,
            BusinessClock clock) {
        this.deliveries = deliveries;
        this.cases = cases;
        this.addresses = addresses;
        this.windows = windows;
        this.changes = changes;
        this.crypto = crypto;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Books a pick-up, or changes the address and window of the one under way until the courier has it. Before a
     * decision only; the case's row stays locked to the commit, so a decision cannot slip in between.
     */
    @WithTransaction
    public Uni<app.banhao.api.model.PostalDelivery> book(UUID residentId, String applicationNo, PostalPickupBooking booking) {
        return Uni.createFrom().item(() -> windows.check(booking.getWindowStart(), booking.getWindowEnd()))
                .chain(window -> cases.ownedForUpdate(residentId, applicationNo).chain(c -> {
            if (c.itemCode() == null) {
                // A bundle's parent has no materials of its own: its children's cases take them.
                throw ApiException.field(PostalErrors.POSTAL_NOT_OFFERED, FieldError.of("applicationNo", FieldCode.NOT_ALLOWED));
            }
            if (!c.beforeResult()) {
                throw ApiException.of(PostalErrors.DELIVERY_TOO_LATE, c.state().name());
            }
            return addresses.owned(residentId, booking.getAddressId())
                    .chain(address -> deliveries.latestForUpdate(c.id(), DeliveryKind.PICKUP).chain(existing -> {
                        boolean change = existing != null && !ENDED.contains(existing.state);
                        if (change) {
                            ParcelChanges.requireChangeable(existing);
                        }
                        PostalDelivery d = change ? existing : PostalDelivery.of(c, DeliveryKind.PICKUP, clock.now());
                        d.address(crypto, address.recipient(), address.phone(), address.regionCode(), address.detail());
                        d.windowStart = window.start();
                        d.windowEnd = window.end();
                        d.updatedAt = clock.now();
                        Uni<PostalDelivery> placed;
                        if (change) {
                            placed = changes.readdressed(d);
                        } else {
                            d.state = DeliveryState.REQUESTED;
                            placed = deliveries.persist(d)
                                    .call(() -> outbox.publish(new DeliveryRequested(d.id, d.applicationNo, d.updatedAt)));
                        }
                        return placed.call(() -> outbox.publish(new DeliveryArranged(d.id, d.applicationNo, d.kind,
                                ActorKind.RESIDENT, "居民", PickupWindows.text(d.windowStart, d.windowEnd), d.updatedAt)));
                    }));
        })).map(mapper::toDelivery);
    }

    /** Cancels the newest pick-up until the courier has it (the carrier's order too); 404 when none was booked. */
    @WithTransaction
    public Uni<app.banhao.api.model.PostalDelivery> cancel(UUID residentId, String applicationNo) {
        return cases.owned(residentId, applicationNo)
                .chain(c -> deliveries.latestForUpdate(c.id(), DeliveryKind.PICKUP))
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(d -> changes.cancel(d, ActorKind.RESIDENT, "居民", "居民取消上门取件"))
                .map(mapper::toDelivery);
    }

    /** The newest pick-up of the caller's own application; 404 when none was booked or the case is another's. */
    @WithSession
    public Uni<app.banhao.api.model.PostalDelivery> get(UUID residentId, String applicationNo) {
        return cases.owned(residentId, applicationNo)
                .chain(c -> deliveries.latest(c.id(), DeliveryKind.PICKUP))
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .map(mapper::toDelivery);
    }
}
