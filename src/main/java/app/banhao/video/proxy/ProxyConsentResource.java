package app.banhao.video.proxy;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.ProxyConsentApi;
import app.banhao.api.model.ApplicationSubmit;
import app.banhao.api.model.ApplicationView;
import app.banhao.api.model.ProxyConsent;
import app.banhao.api.model.ProxyConsentList;
import app.banhao.application.submission.ProxyFiling;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** The resident's side of 帮代办: the consents asked of them, approve, refuse, revoke, and confirming a prepared submission. */
@RolesAllowed(TokenClaims.RESIDENT)
public class ProxyConsentResource implements ProxyConsentApi {

    private final ConsentService consents;
    private final ProxyFiling filing;
    private final CurrentActor actor;

    public ProxyConsentResource(ConsentService consents, ProxyFiling filing, CurrentActor actor) {
        this.consents = consents;
        this.filing = filing;
        this.actor = actor;
    }

    @Override
    public Uni<ProxyConsentList> listMyProxyConsents() {
        return consents.mine(actor.uuid());
    }

    @Override
    public Uni<ProxyConsent> approveProxyConsent(UUID consentId) {
        return consents.decide(actor.uuid(), consentId, ConsentState.ACTIVE);
    }

    @Override
    public Uni<ProxyConsent> refuseProxyConsent(UUID consentId) {
        return consents.decide(actor.uuid(), consentId, ConsentState.REFUSED);
    }

    @Override
    public Uni<ProxyConsent> revokeProxyConsent(UUID consentId) {
        return consents.decide(actor.uuid(), consentId, ConsentState.REVOKED);
    }

    @Override
    public Uni<ApplicationView> confirmProxySubmission(String applicationNo, String idempotencyKey, ApplicationSubmit body) {
        return filing.confirm(actor.uuid(), applicationNo, idempotencyKey, body);
    }
}
