package app.banhao.video.room;

import java.time.Instant;

/**
 * The RTC provider that carries the media of a video session; Banhao only lets people in, with a short-lived access
 * token for one room. {@link LiveKitRtcProvider} outside local mode, {@link LocalRtcProvider} in it.
 */
public interface RtcProvider {

    /** Who may join which room, doing what, and from when until when (the token's {@code nbf} and {@code exp}). */
    record RoomGrant(String room, String identity, String name, boolean canPublish, boolean canSubscribe,
            Instant notBefore, Instant expiresAt) {
    }

    /** What the client needs: the provider's name as the contract lists it, where to connect, and the token. */
    record RoomAccess(String provider, String url, String token) {
    }

    /** A token for {@code grant}; made locally (signed), no call to the provider. */
    RoomAccess mint(RoomGrant grant);
}
