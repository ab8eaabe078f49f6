package app.banhao.rating.report;

import java.time.ZoneOffset;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.rating.RatingEvent;
import app.banhao.rating.SubjectKind;
import io.smallrye.mutiny.Uni;

/**
 * Reports each rating, amendment and appeal outcome to the national system through the outbox: written with the change,
 * delivered at least once, retried with backoff while the national system is down, so nothing is lost. The rater is
 * not part of the report.
 */
@ApplicationScoped
public class NationalReportOnRatings implements EventConsumer {

    private static final Set<String> REPORTED = Set.of(RatingEvent.RATED, RatingEvent.AMENDED, RatingEvent.APPEAL_DECIDED);

    private final NationalRatingReport report;
    private final ItemCatalog catalog;

    public NationalReportOnRatings(NationalRatingReport report, ItemCatalog catalog) {
        this.report = report;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "national-rating-report";
    }

    @Override
    public boolean accepts(String type) {
        return REPORTED.contains(type);
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        RatingEvent e = event.as(RatingEvent.class);
        Uni<ItemCatalog.Item> item = e.itemCode() == null ? Uni.createFrom().nullItem() : catalog.any(e.itemCode());
        return item.chain(found -> report.send(new NationalRatingReport.Report(event.id().toString(), e.type(),
                e.subjectKind().name(), e.subjectId(), e.itemCode(), found == null ? null : found.version(), e.itemName(),
                e.departmentCode(), e.subjectState(), region(e), e.channel(),
                e.at().withOffsetSameInstant(ZoneOffset.UTC).toString(), e.level() == null ? null : e.level().name(),
                e.level() == null ? null : e.level().label(), !RatingEvent.APPEAL_DECIDED.equals(e.type()) || counted(e), 2)));
    }

    /** An application number starts with its 6-digit region code. */
    private static String region(RatingEvent e) {
        return e.subjectKind() == SubjectKind.APPLICATION && e.subjectId().length() >= 6 ? e.subjectId().substring(0, 6) : null;
    }

    private static boolean counted(RatingEvent e) {
        return !"RATING_APPEAL_UPHELD".equals(e.timelineKind());
    }
}
