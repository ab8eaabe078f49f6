package app.banhao.video.room;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.VideoRoomsApi;
import app.banhao.api.model.VideoRoomToken;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** The resident's room token for their own appointment. */
public class VideoRoomsResource implements VideoRoomsApi {

    private final VideoRooms rooms;
    private final CurrentActor actor;

    public VideoRoomsResource(VideoRooms rooms, CurrentActor actor) {
        this.rooms = rooms;
        this.actor = actor;
    }

    @Override
    @RolesAllowed(TokenClaims.RESIDENT)
    public Uni<VideoRoomToken> joinVideoRoom(UUID appointmentId) {
        return rooms.forResident(actor.uuid(), appointmentId);
    }
}
