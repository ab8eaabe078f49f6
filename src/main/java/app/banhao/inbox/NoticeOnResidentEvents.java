package app.banhao.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.postal.DeliveryKind;
import app.banhao.postal.DeliveryOrdered;
import app.banhao.postal.DeliveryProgressed;
import app.banhao.postal.MaterialsReceived;
import app.banhao.resident.IdNumberClaimAttempted;
import app.banhao.wallet.CertificateExpiringSoon;
import app.banhao.wallet.CertificateIssued;
import app.banhao.wallet.grant.CertificateGrantRequested;
import io.smallrye.mutiny.Uni;

/**
 * Notices in a resident's inbox about things other than their cases' states: someone tried to verify with their ID
 * number; a certificate entered their wallet; one expires within 30 days; a relying party asks to use one; a result was handed to the carrier.
 */
@ApplicationScoped
public class NoticeOnResidentEvents implements EventConsumer {

    /** The messages' topics: title and text are {@code message.topic.<TOPIC>[.body]} in the bundles. */
    static final String REAL_NAME_ATTEMPT = "REAL_NAME_ATTEMPT";
    static final String CERTIFICATE_ISSUED = "CERTIFICATE_ISSUED";
    static final String CERTIFICATE_EXPIRING = "CERTIFICATE_EXPIRING";
    static final String CERTIFICATE_GRANT_REQUESTED = "CERTIFICATE_GRANT_REQUESTED";
    static final String PARCEL_ORDERED = "PARCEL_ORDERED";
    static final String PARCEL_DELIVERED = "PARCEL_DELIVERED";
    static final String PICKUP_ORDERED = "PICKUP_ORDERED";
    static final String MATERIALS_RECEIVED = "MATERIALS_RECEIVED";

    private final ResidentMessageRepository messages;

    public NoticeOnResidentEvents(ResidentMessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return "inbox-notices";
    }

    /** A message row and nothing else: written with the change, there when the writer (a carrier's report) is answered. */
    @Override
    public boolean inWritersTransaction() {
        return true;
    }

    @Override
    public boolean accepts(String type) {
        return IdNumberClaimAttempted.TYPE.equals(type) || CertificateIssued.TYPE.equals(type)
                || CertificateExpiringSoon.TYPE.equals(type) || CertificateGrantRequested.TYPE.equals(type)
                || DeliveryOrdered.TYPE.equals(type) || DeliveryProgressed.TYPE.equals(type)
                || MaterialsReceived.TYPE.equals(type);
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        ResidentMessage notice;
        if (CertificateIssued.TYPE.equals(event.type())) {
            CertificateIssued issued = event.as(CertificateIssued.class);
            notice = ResidentMessage.notice(issued.holderId(), CERTIFICATE_ISSUED, issued.at());
        } else if (CertificateGrantRequested.TYPE.equals(event.type())) {
            CertificateGrantRequested asked = event.as(CertificateGrantRequested.class);
            notice = ResidentMessage.notice(asked.holderId(), CERTIFICATE_GRANT_REQUESTED, asked.at(), asked.partyName(),
                    asked.purpose());
        } else if (DeliveryProgressed.TYPE.equals(event.type())) {
            DeliveryProgressed progressed = event.as(DeliveryProgressed.class);
            // A pick-up reaching the department is told once staff have the materials (MaterialsReceived).
            if (!"DELIVERED".equals(progressed.state()) || isPickup(progressed.kind())) {
                return Uni.createFrom().voidItem();
            }
            notice = ResidentMessage.notice(progressed.residentId(), PARCEL_DELIVERED, progressed.at(),
                    progressed.applicationNo(), progressed.signer() == null ? "-" : progressed.signer());
        } else if (DeliveryOrdered.TYPE.equals(event.type())) {
            DeliveryOrdered ordered = event.as(DeliveryOrdered.class);
            notice = ResidentMessage.notice(ordered.residentId(), isPickup(ordered.kind()) ? PICKUP_ORDERED : PARCEL_ORDERED,
                    ordered.at(), ordered.applicationNo(), ordered.waybillNo());
        } else if (MaterialsReceived.TYPE.equals(event.type())) {
            MaterialsReceived received = event.as(MaterialsReceived.class);
            notice = ResidentMessage.notice(received.residentId(), MATERIALS_RECEIVED, received.at(), received.applicationNo(),
                    received.waybillNo() == null ? "-" : received.waybillNo());
        } else if (CertificateExpiringSoon.TYPE.equals(event.type())) {
            CertificateExpiringSoon expiring = event.as(CertificateExpiringSoon.class);
            notice = ResidentMessage.notice(expiring.holderId(), CERTIFICATE_EXPIRING, expiring.at());
        } else {
            IdNumberClaimAttempted attempt = event.as(IdNumberClaimAttempted.class);
            notice = ResidentMessage.notice(attempt.holderId(), REAL_NAME_ATTEMPT, attempt.at());
        }
        return messages.persist(notice).replaceWithVoid();
    }

    private static boolean isPickup(DeliveryKind kind) {
        return kind != null && kind.inbound();
    }
}
