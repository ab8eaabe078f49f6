package app.banhao.application.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.banhao.application.core.CompletionOutlook.Basis;
import app.banhao.application.core.CompletionOutlook.Prediction;
import app.banhao.application.core.Workflow;
import app.banhao.application.progress.CompletionPrediction.History;
import app.banhao.application.progress.CompletionPrediction;

/** The prediction rule alone (no Quarkus): nearest-rank P80, 19 vs 20 cases, the legal cap, clock stops, today. */
class CompletionPredictionTest {

    /** 国庆节 2026: 10-01 to 10-07 off, Saturday 10-10 worked (调休). */
    private static final Set<LocalDate> HOLIDAYS = Set.copyOf(
            IntStream.rangeClosed(1, 7).mapToObj(d -> LocalDate.of(2026, 10, d)).toList());
    private static final LocalDate MAKE_UP = LocalDate.of(2026, 10, 10);
    private static final BiFunction<LocalDate, Integer, LocalDate> CALENDAR = (from, days) -> {
        LocalDate day = from;
        for (int left = days; left > 0;) {
            day = day.plusDays(1);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (day.equals(MAKE_UP) || !weekend && !HOLIDAYS.contains(day)) {
                left--;
            }
        }
        return day;
    };
    /** Tuesday before the holiday. */
    private static final LocalDate SUBMITTED = LocalDate.of(2026, 9, 29);
    private static final LocalDate PROMISED = CALENDAR.apply(SUBMITTED, 2);

    @Test
    void p80IsTheNearestRankValue() {
        // 20 values: ⌈0.8·20⌉ = 16th smallest.
        int[] twenty = IntStream.rangeClosed(1, 20).toArray();
        assertEquals(new History(20, 16), History.of(twenty));
        // 21 values: ⌈16.8⌉ = 17th; 5 values: ⌈4⌉ = 4th; 1 value: itself.
        assertEquals(17, History.of(IntStream.rangeClosed(1, 21).toArray()).p80WorkingDays());
        assertEquals(40, History.of(new int[] { 10, 20, 30, 40, 50 }).p80WorkingDays());
        assertEquals(7, History.of(new int[] { 7 }).p80WorkingDays());
        assertEquals(History.NONE, History.of(new int[0]));
    }

    @Test
    void theCountedFormGivesTheSameP80AsTheSortedList() {
        for (int n = 1; n <= 300; n++) {
            int[] sorted = IntStream.range(0, n).map(i -> i * 7 % 13).sorted().toArray();
            TreeMap<Integer, Long> counted = new TreeMap<>();
            Arrays.stream(sorted).forEach(d -> counted.merge(d, 1L, Long::sum));
            assertEquals(History.of(sorted), History.of(counted), "n = " + n);
        }
        assertEquals(History.NONE, History.of(new TreeMap<>()));
    }

    @Test
    void nineteenCasesFallBackToThePromiseTwentyUseTheHistory() {
        int[] durations = new int[20];
        Arrays.fill(durations, 5);
        Prediction nineteen = CompletionPrediction.predict(History.of(Arrays.copyOf(durations, 19)), SUBMITTED, 0, PROMISED, 10,
                SUBMITTED, CALENDAR);
        assertEquals(new Prediction(PROMISED, PROMISED, Basis.PROMISE, 19), nineteen);
        assertFalse(nineteen.pastPromise());

        Prediction twenty = CompletionPrediction.predict(History.of(durations), SUBMITTED, 0, PROMISED, 10, SUBMITTED, CALENDAR);
        // 5 working days after Tue 09-29: 09-30, 10-08, 10-09, 10-10 (Saturday, 调休), 10-12.
        assertEquals(new Prediction(PROMISED, LocalDate.of(2026, 10, 12), Basis.HISTORY, 20), twenty);
        assertTrue(twenty.pastPromise());
    }

    @Test
    void allTheSameDurationPredictsThatDuration() {
        int[] same = new int[50];
        Arrays.fill(same, 1);
        Prediction p = CompletionPrediction.predict(History.of(same), SUBMITTED, 0, PROMISED, 10, SUBMITTED, CALENDAR);
        assertEquals(LocalDate.of(2026, 9, 30), p.predicted());
        assertFalse(p.pastPromise(), "faster than promised");
    }

    @Test
    void theLegalTimeLimitCapsThePrediction() {
        int[] slow = new int[20];
        Arrays.fill(slow, 30);
        Prediction p = CompletionPrediction.predict(History.of(slow), SUBMITTED, 0, PROMISED, 4, SUBMITTED, CALENDAR);
        // 4 working days: 09-30, 10-08, 10-09, 10-10.
        assertEquals(LocalDate.of(2026, 10, 10), p.predicted());
        assertEquals(Basis.HISTORY, p.basis());
        // No legal limit known: no cap.
        assertEquals(CALENDAR.apply(SUBMITTED, 30),
                CompletionPrediction.predict(History.of(slow), SUBMITTED, 0, PROMISED, null, SUBMITTED, CALENDAR).predicted());
    }

    @Test
    void clockStopsMoveThePredictionAndTheCapAlike() {
        int[] durations = new int[20];
        Arrays.fill(durations, 3);
        // 3 + 2 stopped = 5 working days: 10-12.
        assertEquals(LocalDate.of(2026, 10, 12),
                CompletionPrediction.predict(History.of(durations), SUBMITTED, 2, PROMISED, 10, SUBMITTED, CALENDAR).predicted());
        // Capped at legal 3 + 2 stopped = 5 as well, not at 3.
        Arrays.fill(durations, 9);
        assertEquals(LocalDate.of(2026, 10, 12),
                CompletionPrediction.predict(History.of(durations), SUBMITTED, 2, PROMISED, 3, SUBMITTED, CALENDAR).predicted());
    }

    @Test
    void anOpenCasePastItsPredictionIsPredictedForToday() {
        int[] quick = new int[20];
        Arrays.fill(quick, 1);
        LocalDate today = LocalDate.of(2026, 10, 9);
        Prediction p = CompletionPrediction.predict(History.of(quick), SUBMITTED, 0, PROMISED, 10, today, CALENDAR);
        assertEquals(today, p.predicted());
    }

    @Test
    void workingDaysTakenAreNetOfStopsAndNeverNegative() {
        assertEquals(3, Workflow.workingDaysTaken(5, 2));
        assertEquals(0, Workflow.workingDaysTaken(1, 2));
    }
}
