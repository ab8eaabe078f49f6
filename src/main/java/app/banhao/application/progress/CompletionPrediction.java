package app.banhao.application.progress;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiFunction;

import app.banhao.application.core.CompletionOutlook.Basis;
import app.banhao.application.core.CompletionOutlook.Prediction;

/**
 * When a case will likely be decided (预计办结), from how long the same item took lately: the pure rule, no
 * framework. The history is the working days from submission to decision of the department's decided cases of
 * the item in the last {@link #WINDOW_DAYS} days, net of the days their clock stood still (补正, 特别程序), so
 * that this case's own stops can be added back on top.
 * <ul>
 * <li>With at least {@link #MIN_CASES} such cases, the prediction is the submission day plus their 80th
 * percentile (nearest rank) plus this case's stopped days, on the official working-day calendar; never later
 * than the legal time limit (法定时限, moved by the same stops), and never before today for a case still open.</li>
 * <li>With fewer, the history says too little: the prediction is the promise itself (承诺时限, the due date).</li>
 * </ul>
 */
public final class CompletionPrediction {

    /** Below this many decided cases the history is not trusted. */
    public static final int MIN_CASES = 20;
    /** How far back decided cases count, in calendar days. */
    public static final int WINDOW_DAYS = 180;

    /** What the recent decided cases of one item (in one department) say: how many, and their P80 in working days. */
    public record History(int caseCount, int p80WorkingDays) {

        public static final History NONE = new History(0, 0);

        /** From the durations, sorted ascending. */
        public static History of(int[] sortedDurations) {
            return sortedDurations.length == 0 ? NONE
                    : new History(sortedDurations.length, sortedDurations[(int) rank(sortedDurations.length) - 1]);
        }

        /**
         * From the same durations counted per value (working days → cases), as PostgreSQL groups them: the sorted list
         * in short, so a popular item's thousands of cases arrive as a few dozen rows.
         */
        public static History of(SortedMap<Integer, Long> casesByDuration) {
            long total = casesByDuration.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                return NONE;
            }
            long wanted = rank(total);
            long seen = 0;
            for (Map.Entry<Integer, Long> e : casesByDuration.entrySet()) {
                seen += e.getValue();
                if (seen >= wanted) {
                    return new History((int) Math.min(total, Integer.MAX_VALUE), e.getKey());
                }
            }
            throw new IllegalStateException("unreachable: the ranks add up to the total");
        }

        public boolean trusted() {
            return caseCount >= MIN_CASES;
        }
    }

    private CompletionPrediction() {
    }

    /**
     * Nearest-rank percentile: the 80th percentile of n values is the ⌈0.8·n⌉-th smallest (1-based), always one of
     * the values themselves (a number of working days, never an interpolated 5.6). Integer arithmetic, so no
     * rounding of 0.8·n can move the rank. It is what PostgreSQL's {@code percentile_disc(0.8)} means too.
     */
    static long rank(long n) {
        return (8 * n + 9) / 10;
    }

    /**
     * The prediction for one open case (its {@link Prediction#caseCount()}: the decided cases found in the window).
     *
     * @param submitted the day the case was submitted (business time zone)
     * @param stoppedDays working days this case's clock has stood still so far
     * @param promised the promise: its due date moved by {@code stoppedDays}
     * @param legalDays the item's legal time limit in working days; null when unknown (no cap)
     * @param today the business day now
     * @param addWorkingDays the official calendar: the day that many working days after a day
     */
    public static Prediction predict(History history, LocalDate submitted, int stoppedDays, LocalDate promised, Integer legalDays,
            LocalDate today, BiFunction<LocalDate, Integer, LocalDate> addWorkingDays) {
        if (!history.trusted()) {
            return new Prediction(promised, promised, Basis.PROMISE, history.caseCount());
        }
        LocalDate predicted = addWorkingDays.apply(submitted, history.p80WorkingDays() + stoppedDays);
        if (predicted.isBefore(today)) {
            predicted = today; // still open: it cannot be decided before today any more
        }
        if (legalDays != null) {
            LocalDate legalDue = addWorkingDays.apply(submitted, legalDays + stoppedDays);
            if (predicted.isAfter(legalDue)) {
                predicted = legalDue;
            }
        }
        return new Prediction(promised, predicted, Basis.HISTORY, history.caseCount());
    }
}
