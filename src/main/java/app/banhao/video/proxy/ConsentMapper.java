package app.banhao.video.proxy;

import java.time.OffsetDateTime;

import app.banhao.api.model.ProxyAction;
import app.banhao.api.model.ProxyConsent;
import app.banhao.api.model.ProxyConsentState;

/** The consent as the resident and the agent see it; its state as of {@code now} (EXPIRED past the expiry). */
final class ConsentMapper {

    private ConsentMapper() {
    }

    static ProxyConsent toView(Consent c, OffsetDateTime now) {
        return new ProxyConsent().id(c.id).appointmentId(c.appointmentId).agentName(c.agentName).departmentCode(c.departmentCode)
                .itemCodes(c.items()).actions(c.actionList().stream().map(ProxyAction::fromValue).toList())
                .state(ProxyConsentState.fromValue(c.stateAt(now).name())).expiresAt(c.expiresAt).requestedAt(c.requestedAt)
                .decidedAt(c.decidedAt).endedAt(c.endedAt);
    }
}
