package app.banhao.timeline;

import java.time.OffsetDateTime;

import app.banhao.platform.events.CaseTimelineFact;

/**
 * An event of a feature that does not exist yet (postal delivery of the certificate), written the way such a
 * feature would put itself on the case timeline: by implementing {@link CaseTimelineFact}, with its texts
 * ({@code timeline.TEST_PARCEL_DISPATCHED}) in a bundle of its own (here the test one). Nothing in the timeline
 * names it.
 */
public record ParcelPosted(String parcelId, String applicationNo, String waybill, OffsetDateTime at) implements CaseTimelineFact {

    @Override
    public String aggregateType() {
        return "test-parcel";
    }

    @Override
    public String aggregateId() {
        return parcelId;
    }

    @Override
    public CaseTimelineFact.Entry caseTimeline() {
        return applicationNo == null ? null
                : CaseTimelineFact.Entry.of(applicationNo, at, "TEST_PARCEL_DISPATCHED", ActorKind.SYSTEM, "邮政速递", waybill);
    }
}
