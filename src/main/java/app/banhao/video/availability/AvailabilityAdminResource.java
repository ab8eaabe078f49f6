package app.banhao.video.availability;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.AppointmentAdminApi;
import app.banhao.api.model.VideoAvailability;
import app.banhao.api.model.VideoAvailabilityInput;
import app.banhao.api.model.VideoAvailabilityList;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import app.banhao.platform.web.VersionTag;
import io.smallrye.mutiny.Uni;

/** Publishing video-service availability: ADMIN, like the catalogue it belongs with. */
@RolesAllowed(TokenClaims.ADMIN)
public class AvailabilityAdminResource implements AppointmentAdminApi {

    private final AvailabilityService availability;
    private final CurrentActor actor;

    public AvailabilityAdminResource(AvailabilityService availability, CurrentActor actor) {
        this.availability = availability;
        this.actor = actor;
    }

    @Override
    public Uni<VideoAvailabilityList> listVideoAvailabilities(String departmentCode) {
        return availability.list(departmentCode);
    }

    @Override
    @SuccessStatus(201)
    public Uni<VideoAvailability> publishVideoAvailability(VideoAvailabilityInput input, String idempotencyKey) {
        return availability.publish(actor.id(), input, idempotencyKey);
    }

    @Override
    @VersionTag
    public Uni<VideoAvailability> updateVideoAvailability(UUID availabilityId, VideoAvailabilityInput input, String ifMatch) {
        return availability.update(availabilityId, input, ifMatch);
    }
}
