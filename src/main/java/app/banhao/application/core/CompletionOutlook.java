package app.banhao.application.core;

import java.time.LocalDate;

/**
 * When an open case will likely be decided (预计办结), as its view shows it. How is {@code progress}'s business
 * (its statistics of decided cases); the case's view only needs the answer, so it asks through this interface and
 * {@code core} does not depend on {@code progress} ({@code ArchitectureTest}: no cycles between the sub-packages).
 */
public interface CompletionOutlook {

    /** Where the prediction comes from: the item's recent history, or (too few cases) the promise itself. */
    enum Basis {
        HISTORY, PROMISE
    }

    /**
     * @param promised the promise (承诺办结日): the due date, moved by the days the clock stood still
     * @param predicted the prediction; equal to {@code promised} when {@code basis} is PROMISE
     * @param caseCount the decided cases the prediction was drawn from (too few: PROMISE)
     */
    record Prediction(LocalDate promised, LocalDate predicted, Basis basis, int caseCount) {

        /** The prediction is later than the promise: the case will likely be late. */
        public boolean pastPromise() {
            return predicted.isAfter(promised);
        }
    }

    /** The promise and the prediction of {@code a}, a case with a due date. */
    Prediction of(Application a);
}
