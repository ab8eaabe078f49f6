package app.banhao.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.CaseTimelineFact;

/**
 * A certificate entered a holder's wallet: issued on an approved application (then also an entry of that case's
 * timeline, {@code timeline.CERTIFICATE_ISSUED}) or imported from the provincial library (no case).
 */
public record CertificateIssued(UUID certificateId, UUID holderId, String typeCode, String certificateName, String issuerName,
        String applicationNo, OffsetDateTime at) implements CaseTimelineFact, CertificateEvent {

    public static final String TYPE = "CertificateIssued";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Entry caseTimeline() {
        return applicationNo == null ? null
                : Entry.of(applicationNo, at, "CERTIFICATE_ISSUED", ActorKind.SYSTEM, issuerName, certificateName);
    }
}
