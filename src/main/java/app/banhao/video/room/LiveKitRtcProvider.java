package app.banhao.video.room;

import java.util.Map;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * LiveKit access tokens (REFERENCES.md "Video service and appointments"): a JWT signed HS256 with the API secret,
 * {@code iss} the API key, {@code sub} the identity, {@code name}, {@code nbf}, {@code exp} and the {@code video}
 * grant ({@code room, roomJoin, canPublish, canSubscribe}). LiveKit checks the expiry when the client first
 * connects, so a short {@code exp} bounds when one can join, not how long one may stay. Minting needs no call to
 * LiveKit: the server creates the room when the first participant joins with a valid token.
 */
public class LiveKitRtcProvider implements RtcProvider {

    public static final String NAME = "LIVEKIT";

    /** The server's URL as clients connect to it ({@code wss://…}), the API key and its secret. */
    public record Settings(String url, String apiKey, String apiSecret) {
    }

    private final Settings settings;

    public LiveKitRtcProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public RoomAccess mint(RoomGrant grant) {
        String token = Jwt.claims().issuer(settings.apiKey()).subject(grant.identity()).claim("name", grant.name())
                .claim("nbf", grant.notBefore().getEpochSecond()).issuedAt(grant.notBefore())
                .expiresAt(grant.expiresAt())
                .claim("video", Map.of("room", grant.room(), "roomJoin", true, "canPublish", grant.canPublish(),
                        "canSubscribe", grant.canSubscribe()))
                .jws().algorithm(SignatureAlgorithm.HS256).signWithSecret(settings.apiSecret());
        return new RoomAccess(NAME, settings.url(), token);
    }
}
