package app.banhao.postal;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.PostalApi;
import app.banhao.api.model.PostalDelivery;
import app.banhao.api.model.PostalDeliveryChoice;
import app.banhao.api.model.PostalPickupBooking;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** Postal delivery of the caller's own applications; another resident's case is 404. */
@RolesAllowed(TokenClaims.RESIDENT)
public class PostalResource implements PostalApi {

    private final PostalDeliveryService deliveries;
    private final PickupService pickups;
    private final CurrentActor actor;

    public PostalResource(PostalDeliveryService deliveries, PickupService pickups, CurrentActor actor) {
        this.deliveries = deliveries;
        this.pickups = pickups;
        this.actor = actor;
    }

    @Override
    public Uni<PostalDelivery> choosePostalDelivery(String applicationNo, PostalDeliveryChoice choice) {
        return deliveries.choose(me(), applicationNo, choice);
    }

    @Override
    public Uni<PostalDelivery> cancelPostalDelivery(String applicationNo) {
        return deliveries.cancel(me(), applicationNo);
    }

    @Override
    public Uni<PostalDelivery> getPostalDelivery(String applicationNo) {
        return deliveries.get(me(), applicationNo);
    }

    @Override
    public Uni<PostalDelivery> bookPostalPickup(String applicationNo, PostalPickupBooking booking) {
        return pickups.book(me(), applicationNo, booking);
    }

    @Override
    public Uni<PostalDelivery> getPostalPickup(String applicationNo) {
        return pickups.get(me(), applicationNo);
    }

    @Override
    public Uni<PostalDelivery> cancelPostalPickup(String applicationNo) {
        return pickups.cancel(me(), applicationNo);
    }

    private UUID me() {
        return actor.uuid();
    }
}
