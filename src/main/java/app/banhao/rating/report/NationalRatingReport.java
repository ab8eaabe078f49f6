package app.banhao.rating.report;

import io.smallrye.mutiny.Uni;

/**
 * The national 好差评 system (国家政务服务平台好差评), behind an adapter: each rating, amendment and appeal outcome is
 * reported with the provincial fields (Anhui's reporting interface; the national specification itself was not found,
 * README "Ratings"). Called from the outbox, so a report that fails is retried and never lost.
 */
public interface NationalRatingReport {

    /**
     * One report.
     *
     * @param projNo the case number (办件编号)
     * @param serviceVersion the item's catalogue version
     * @param handleState how the case ended (APPROVED, REJECTED, WITHDRAWN …)
     * @param regionCode the 6-digit region the case was filed in
     * @param source the channel (ONLINE, IN_PERSON)
     * @param counted false once an upheld appeal took the rating out of the statistics
     */
    record Report(String reportId, String kind, String subjectKind, String projNo, String serviceCode, Long serviceVersion,
            String serviceName, String serviceDepartmentCode, String handleState, String regionCode, String source,
            String transactionTime, String level, String levelName, boolean counted, int version) {
    }

    /** Sends one report; fails (to be retried) when the national system did not take it. */
    Uni<Void> send(Report report);
}
