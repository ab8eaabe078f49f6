package app.banhao.video.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import app.banhao.platform.local.LocalMode;
import io.quarkus.runtime.Startup;

/**
 * The one place that decides who carries the video: the stand-in in local mode, LiveKit everywhere else. Made at
 * start-up, so a missing LiveKit setting stops the start with its name instead of failing the first join.
 */
@ApplicationScoped
public class RtcProviders {

    @Produces
    @ApplicationScoped
    @Startup(1)
    RtcProvider provider(LocalMode local, LiveKitConfig config) {
        return select(local, config);
    }

    static RtcProvider select(LocalMode local, LiveKitConfig config) {
        return local.on() ? new LocalRtcProvider() : new LiveKitRtcProvider(config.settings());
    }
}
