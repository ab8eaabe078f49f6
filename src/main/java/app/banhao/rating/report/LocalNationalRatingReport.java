package app.banhao.rating.report;

import app.banhao.platform.local.LocalMode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Stand-in for the national system in local mode: it logs each report and takes it. */
final class LocalNationalRatingReport implements NationalRatingReport {

    LocalNationalRatingReport(LocalMode localMode) {
        if (!localMode.on()) {
            throw new IllegalStateException("The local national rating report stand-in reports nowhere: only in " + LocalMode.KEY
                    + "=true");
        }
    }

    @Override
    public Uni<Void> send(Report report) {
        Log.infof("Local mode: national rating report %s (%s) of %s %s: %s", report.reportId(), report.kind(), report.projNo(),
                report.serviceCode(), report.levelName());
        return Uni.createFrom().voidItem();
    }
}
