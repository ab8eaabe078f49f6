package app.banhao.video.proxy;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.ResidentNoticeFact;

/** An agent asked a resident for consent (帮代办): the resident's inbox message naming the agent and department. */
public record ConsentEvent(UUID consentId, UUID residentId, String agentName, String departmentCode, OffsetDateTime at)
        implements ResidentNoticeFact {

    public static final String TOPIC = "PROXY_CONSENT_REQUESTED";

    @Override
    public String aggregateType() {
        return "proxy-consent";
    }

    @Override
    public String aggregateId() {
        return consentId.toString();
    }

    @Override
    public String type() {
        return "ProxyConsentRequested";
    }

    @Override
    public Notice residentNotice() {
        return new Notice(residentId, TOPIC, null, null, agentName + "（" + departmentCode + "）", at);
    }
}
