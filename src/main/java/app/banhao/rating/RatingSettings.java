package app.banhao.rating;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** 好差评 settings (README "Ratings"); deadlines vary by locality, so every one of them is a setting. */
@ConfigMapping(prefix = "banhao.ratings")
public interface RatingSettings {

    /** How long after a thing finished its resident may rate it (一事一评). */
    @WithDefault("P15D")
    Duration window();

    /** How long after the first rating it may be amended, once. */
    @WithDefault("PT24H")
    Duration amendWithin();

    /** Working days a department has to appeal a 差评 (申诉复核), counted from the day of the rating. */
    @WithDefault("5")
    int appealWorkingDays();

    /** Working days to rectify a 差评 unless the department has its own in {@link #rectificationWorkingDaysByDepartment()}. */
    @WithDefault("5")
    int rectificationWorkingDays();

    /** Per department code, its own number of working days to rectify (e.g. {@code banhao.ratings.rectification-working-days-by-department.HN-SCJ=7}). */
    Map<String, Integer> rectificationWorkingDaysByDepartment();

    /** How long public figures stay cached (a rating, fix or appeal decision refreshes them at once anyway). */
    @WithDefault("PT5M")
    Duration figuresTtl();
}
