package app.banhao.video.room;

import java.util.Optional;

import app.banhao.platform.local.LocalMode;
import app.banhao.platform.local.ProviderSettings;
import io.smallrye.config.ConfigMapping;

/** {@code banhao.video.livekit.*}: the LiveKit server and API key the room tokens are for, required outside local mode. */
@ConfigMapping(prefix = "banhao.video.livekit")
public interface LiveKitConfig {

    String PREFIX = "banhao.video.livekit.";
    String WHAT = "The video-room provider (LiveKit)";

    /** Where clients connect, e.g. {@code wss://rtc.example.gov.cn}. */
    Optional<String> url();

    Optional<String> apiKey();

    /** The API key's secret; at least 32 characters (HS256 needs a 256-bit key). */
    Optional<String> apiSecret();

    /** The complete settings, or the start-up error naming the missing ones (all of them when none is set). */
    default LiveKitRtcProvider.Settings settings() {
        ProviderSettings set = ProviderSettings.of(WHAT).with(PREFIX + "url", url()).with(PREFIX + "api-key", apiKey())
                .with(PREFIX + "api-secret", apiSecret());
        if (!set.complete()) {
            throw LocalMode.missingSetting(PREFIX + "{url, api-key, api-secret}", WHAT);
        }
        String secret = set.get(PREFIX + "api-secret");
        if (secret.length() < 32) {
            throw new IllegalStateException(WHAT + ": " + PREFIX + "api-secret must have at least 32 characters");
        }
        return new LiveKitRtcProvider.Settings(set.get(PREFIX + "url"), set.get(PREFIX + "api-key"), secret);
    }
}
