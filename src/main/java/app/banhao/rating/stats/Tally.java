package app.banhao.rating.stats;

import app.banhao.api.model.RatingAppealCounts;
import app.banhao.api.model.RatingFigures;
import app.banhao.api.model.RatingLevelCounts;
import app.banhao.rating.Level;

/**
 * The counts behind the public figures of one department or item in one month, added up from the grouped queries and
 * turned into {@link RatingFigures}: satisfaction is 非常满意+满意+基本满意 over every counted rating; the rates are null
 * when there is nothing to divide by.
 */
final class Tally {

    final long[] levels = new long[Level.values().length];
    long rectifications;
    long onTime;
    long followedUp;
    double fixDays;
    long fixed;
    long appealsUpheld;
    long appealsRejected;
    long appealsPending;

    void addLevel(Level level, long count) {
        levels[level.ordinal()] += count;
    }

    void add(Tally other) {
        for (int i = 0; i < levels.length; i++) {
            levels[i] += other.levels[i];
        }
        rectifications += other.rectifications;
        onTime += other.onTime;
        followedUp += other.followedUp;
        fixDays += other.fixDays;
        fixed += other.fixed;
        appealsUpheld += other.appealsUpheld;
        appealsRejected += other.appealsRejected;
        appealsPending += other.appealsPending;
    }

    long ratings() {
        long total = 0;
        for (long n : levels) {
            total += n;
        }
        return total;
    }

    Double satisfaction() {
        long total = ratings();
        return total == 0 ? null : round((double) (total - bad()) / total);
    }

    long bad() {
        return levels[Level.DISSATISFIED.ordinal()] + levels[Level.VERY_DISSATISFIED.ordinal()];
    }

    RatingFigures figures() {
        return new RatingFigures().ratings(ratings())
                .levels(new RatingLevelCounts().verySatisfied(levels[0]).satisfied(levels[1]).basicallySatisfied(levels[2])
                        .dissatisfied(levels[3]).veryDissatisfied(levels[4]))
                .satisfactionRate(satisfaction()).badRatings(bad()).rectifications(rectifications)
                .rectifiedOnTimeRate(rectifications == 0 ? null : round((double) onTime / rectifications))
                .followUpRate(rectifications == 0 ? null : round((double) followedUp / rectifications))
                .appeals(new RatingAppealCounts().filed(appealsUpheld + appealsRejected + appealsPending).upheld(appealsUpheld)
                        .rejected(appealsRejected).pending(appealsPending))
                .averageDaysToRectify(fixed == 0 ? null : round(fixDays / fixed));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
