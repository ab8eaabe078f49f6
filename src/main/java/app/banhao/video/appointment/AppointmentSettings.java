package app.banhao.video.appointment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Video-appointment rules (README "Video appointments"); each is a setting because localities differ. */
@ConfigMapping(prefix = "banhao.video")
public interface AppointmentSettings {

    /** How long a booked place is held for the resident to confirm. */
    @WithDefault("PT5M")
    Duration hold();

    /** Cancelling or moving a booked appointment closes this long before its slot. */
    @WithDefault("PT60M")
    Duration changeCutoff();

    /** Check-in opens this long before the slot start. */
    @WithDefault("PT30M")
    Duration checkInBefore();

    /** Check-in closes this long after the slot start. */
    @WithDefault("PT10M")
    Duration checkInAfter();

    /** A booked or waiting appointment not started this long after its slot end is a no-show (MISSED). */
    @WithDefault("PT15M")
    Duration noShowGrace();

    /** This many no-shows … */
    @WithDefault("3")
    int noShowLimit();

    /** … within this window … */
    @WithDefault("P90D")
    Duration noShowWindow();

    /** … pause booking for this long after the last of them. */
    @WithDefault("P30D")
    Duration noShowPause();

    /** The "day before" reminder is sent this long before the slot (but not for a slot closer than {@link #soonReminder()}). */
    @WithDefault("P1D")
    Duration dayBeforeReminder();

    /** The last reminder is sent this long before the slot. */
    @WithDefault("PT15M")
    Duration soonReminder();
}
