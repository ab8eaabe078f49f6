package app.banhao.video.room;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.AgentVideoRoomsApi;
import app.banhao.api.model.VideoRoomToken;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** The agent's room token, for the session they called; the department is the token's. */
@RolesAllowed(TokenClaims.AGENT)
public class AgentVideoRoomsResource implements AgentVideoRoomsApi {

    private final VideoRooms rooms;
    private final CurrentActor actor;

    public AgentVideoRoomsResource(VideoRooms rooms, CurrentActor actor) {
        this.rooms = rooms;
        this.actor = actor;
    }

    @Override
    public Uni<VideoRoomToken> joinVideoRoomAsAgent(UUID appointmentId) {
        String department = actor.requiredDepartment();
        return rooms.forAgent(department, actor.uuid(), appointmentId);
    }
}
