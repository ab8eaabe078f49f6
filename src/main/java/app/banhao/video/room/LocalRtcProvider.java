package app.banhao.video.room;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The stand-in of local mode (the demo, tests): no media server behind it, so the token is an opaque random string
 * naming the room; the endpoint's rules (who, when, which room) are the same as with LiveKit.
 */
public class LocalRtcProvider implements RtcProvider {

    public static final String NAME = "LOCAL";
    static final String URL = "ws://127.0.0.1:7880";

    private final SecureRandom random = new SecureRandom();

    @Override
    public RoomAccess mint(RoomGrant grant) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new RoomAccess(NAME, URL, "local." + grant.room() + "." + HexFormat.of().formatHex(bytes));
    }
}
