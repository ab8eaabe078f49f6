package app.banhao.video.room;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a video room may be joined (README "Video rooms"). */
@ConfigMapping(prefix = "banhao.video.room")
public interface RoomSettings {

    /** Joining opens this long before the slot start (the resident may wait in the room). */
    @WithDefault("PT10M")
    Duration joinBefore();

    /** Joining closes this long after the slot end, and no token lives past it (a session may overrun). */
    @WithDefault("PT30M")
    Duration grace();

    /** The longest a token lives: it is for joining now, not for later. */
    @WithDefault("PT15M")
    Duration tokenLife();
}
