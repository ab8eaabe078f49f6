package app.banhao.video.proxy;

import java.io.InputStream;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.ProxyAgentApi;
import app.banhao.api.model.ApplicationMaterialView;
import app.banhao.api.model.ApplicationSubmit;
import app.banhao.api.model.ApplicationUpdate;
import app.banhao.api.model.ApplicationView;
import app.banhao.api.model.ProxyAction;
import app.banhao.api.model.ProxyApplicationCreate;
import app.banhao.api.model.ProxyConsent;
import app.banhao.api.model.ProxyConsentRequest;
import app.banhao.application.core.ProxyAgent;
import app.banhao.application.materials.CaseMaterials;
import app.banhao.application.submission.ProxyFiling;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/**
 * The agent's side of 帮代办: asking for consent after a session, withdrawing it, and acting on the resident's
 * applications within it, each step checked by {@link ConsentGuard} as this agent of this department.
 */
@RolesAllowed(TokenClaims.AGENT)
public class ProxyAgentResource implements ProxyAgentApi {

    private final ConsentService consents;
    private final ProxyFiling filing;
    private final ConsentGuard guard;
    private final CurrentActor actor;

    public ProxyAgentResource(ConsentService consents, ProxyFiling filing, ConsentGuard guard, CurrentActor actor) {
        this.consents = consents;
        this.filing = filing;
        this.guard = guard;
        this.actor = actor;
    }

    @Override
    @SuccessStatus(201)
    public Uni<ProxyConsent> requestProxyConsent(ProxyConsentRequest request) {
        return consents.request(actor.uuid(), department(), request);
    }

    @Override
    public Uni<ProxyConsent> getAgentProxyConsent(UUID consentId) {
        return consents.ofAgent(actor.uuid(), department(), consentId);
    }

    @Override
    public Uni<ProxyConsent> withdrawProxyConsent(UUID consentId) {
        return consents.withdraw(actor.uuid(), department(), consentId);
    }

    @Override
    @SuccessStatus(201)
    public Uni<ApplicationView> createProxyApplication(UUID consentId, ProxyApplicationCreate request) {
        return filing.create(consent(consentId, ProxyAction.PREPARE_DRAFT), request.getItemCode(), request.getFormData());
    }

    @Override
    public Uni<ApplicationView> updateProxyApplicationDraft(UUID consentId, String applicationNo, ApplicationUpdate update) {
        return filing.update(consent(consentId, ProxyAction.PREPARE_DRAFT), applicationNo, update);
    }

    @Override
    @SuccessStatus(201)
    public Uni<ApplicationMaterialView> uploadProxyApplicationMaterial(UUID consentId, String applicationNo, String name,
            InputStream file) {
        Supplier<Uni<ProxyAgent>> consent = consent(consentId, ProxyAction.UPLOAD_MATERIALS);
        return CaseMaterials.readUpload(file).chain(content -> filing.upload(consent, applicationNo, name, content));
    }

    @Override
    public Uni<ApplicationView> submitProxyApplication(UUID consentId, String applicationNo, ApplicationSubmit body) {
        return filing.submit(consent(consentId, ProxyAction.SUBMIT), applicationNo, body);
    }

    @Override
    public Uni<ApplicationView> requestProxySubmissionConfirmation(UUID consentId, String applicationNo) {
        return filing.requestConfirmation(consent(consentId, ProxyAction.PREPARE_DRAFT), applicationNo);
    }

    /** The check each step runs inside its own transaction, as this agent of this department. */
    private Supplier<Uni<ProxyAgent>> consent(UUID consentId, ProxyAction action) {
        UUID agentId = actor.uuid();
        String department = department();
        return () -> guard.require(agentId, department, consentId, action);
    }

    /** The agent's department (a staff token without one acts for no department). */
    private String department() {
        return actor.requiredDepartment();
    }
}
