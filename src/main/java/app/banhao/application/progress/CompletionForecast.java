package app.banhao.application.progress;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.core.Application;
import app.banhao.application.core.CompletionOutlook;
import app.banhao.application.core.Workflow;
import app.banhao.platform.time.BusinessClock;

/**
 * The promise and the prediction of one open case ({@link CompletionPrediction}), from the in-memory statistics of
 * its item: no query per call, so the detail and the warning job can ask as often as they like.
 */
@ApplicationScoped
public class CompletionForecast implements CompletionOutlook {

    private final Workflow workflow;
    private final CompletionStats stats;
    private final BusinessClock clock;

    public CompletionForecast(Workflow workflow, CompletionStats stats, BusinessClock clock) {
        this.clock = clock;
        this.workflow = workflow;
        this.stats = stats;
    }

    /** For a case with a due date; a bundle's parent (no item of its own) or one never submitted gets its promise. */
    @Override
    public Prediction of(Application a) {
        LocalDate promised = workflow.promisedCompletion(a);
        if (a.itemCode == null || a.submittedAt == null) {
            return new Prediction(promised, promised, Basis.PROMISE, 0);
        }
        CompletionStats.ItemStats item = stats.of(a.itemCode, a.departmentCode);
        return CompletionPrediction.predict(item.history(), Workflow.businessDay(a.submittedAt),
                a.stoppedWorkingDays + workflow.stoppedSoFar(a), promised, item.history().trusted() ? item.legalDays() : null,
                clock.today(), workflow::addWorkingDays);
    }
}
