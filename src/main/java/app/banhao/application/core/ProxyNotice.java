package app.banhao.application.core;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.ResidentNoticeFact;

/** An agent asks the resident to confirm the submission of a draft they prepared (帮代办): one inbox message. */
public record ProxyNotice(UUID residentId, String applicationNo, String itemName, String agentName, OffsetDateTime at)
        implements ResidentNoticeFact {

    public static final String TOPIC = "PROXY_CONFIRMATION_REQUESTED";

    @Override
    public String aggregateType() {
        return CaseEvent.AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return applicationNo;
    }

    @Override
    public Notice residentNotice() {
        return new Notice(residentId, TOPIC, applicationNo, itemName, agentName, at);
    }
}
