package app.banhao.live;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.ResidentNoticeFact;

/**
 * A subscribed stream went live: one per subscriber, written in the transaction that marks the subscription notified,
 * so each subscriber gets exactly one. Its aggregate is the subscription, so subscribers' messages do not queue behind
 * each other. The inbox words it as {@code message.topic.LIVE_STARTED} (title, department).
 */
public record LiveStarted(UUID streamId, UUID residentId, String title, String departmentName, OffsetDateTime at)
        implements ResidentNoticeFact {

    static final String TOPIC = "LIVE_STARTED";

    @Override
    public String aggregateType() {
        return "live-subscription";
    }

    @Override
    public String aggregateId() {
        return streamId + ":" + residentId;
    }

    @Override
    public Notice residentNotice() {
        return new Notice(residentId, TOPIC, null, title, departmentName, at);
    }
}
