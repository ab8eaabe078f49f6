package app.banhao.postal;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.PostalTrackingEvent;
import app.banhao.api.model.PostalTrackingReceipt;
import app.banhao.api.model.PostalTrackingReceipt.OutcomeEnum;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Carriers' tracking reports, authenticated already (signature or SM4 body), applied by {@link ParcelProgress}: the
 * signed webhook's once per webhook id (a second is a replay, 401); the EMS push's records one after another.
 */
@ApplicationScoped
public class TrackingService {

    private static final String RECEIPT = "INSERT INTO postal_webhook_receipt (webhook_id, received_at) VALUES (:id, :at)"
            + " ON CONFLICT DO NOTHING";

    private final ParcelProgress progress;
    private final BusinessClock clock;
    private final WebhookVerifier webhooks;

    public TrackingService(ParcelProgress progress, BusinessClock clock, WebhookVerifier webhooks) {
        this.progress = progress;
        this.clock = clock;
        this.webhooks = webhooks;
    }

    @WithTransaction
    public Uni<PostalTrackingReceipt> receive(String webhookId, PostalTrackingEvent report) {
        DeliveryState state = DeliveryState.valueOf(report.getState().name());
        if (!ParcelProgress.REPORTABLE.contains(state)) {
            throw ApiException.field(PostalErrors.TRACKING_STATE_NOT_REPORTABLE, FieldError.of("state", FieldCode.NOT_ALLOWED));
        }
        Carrier.Trace trace = new Carrier.Trace(report.getWaybillNo(), state, report.getOpTime(), report.getOpDesc(),
                report.getSigner());
        return Panache.getSession().chain(s -> s.createNativeQuery(RECEIPT).setParameter("id", webhookId)
                .setParameter("at", clock.now()).executeUpdate())
                .invoke(inserted -> {
                    if (inserted == 0) {
                        throw webhooks.refused(StandardWebhooks.Refusal.REPLAYED);
                    }
                })
                .chain(() -> progress.apply(trace))
                .map(outcome -> new PostalTrackingReceipt().outcome(OutcomeEnum.valueOf(outcome.name())));
    }

    /** Applies records in the order given (one transaction: all or, on an unknown waybill, none). */
    @WithTransaction
    public Uni<List<ParcelProgress.Outcome>> receive(List<Carrier.Trace> traces) {
        return Multi.createFrom().iterable(traces).onItem().transformToUniAndConcatenate(progress::apply)
                .collect().in(ArrayList::new, List::add);
    }
}
