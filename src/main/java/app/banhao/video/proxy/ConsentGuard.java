package app.banhao.video.proxy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ProxyAction;
import app.banhao.application.core.ProxyAgent;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/**
 * The check before every step an agent takes for a resident: the consent exists, is this agent's (and department's),
 * is ACTIVE and not past its expiry, and permits the action; the item is checked against its scope on the case.
 * Runs inside the step's transaction, the consent share-locked, so a revocation counts from the next step on.
 */
@ApplicationScoped
public class ConsentGuard {

    private final ConsentRepository consents;
    private final BusinessClock clock;

    public ConsentGuard(ConsentRepository consents, BusinessClock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    public Uni<ProxyAgent> require(UUID agentId, String department, UUID consentId, ProxyAction action) {
        return consents.findForStep(consentId).map(c -> {
            Consent consent = ownedBy(c, agentId, department);
            ConsentState state = consent.stateAt(clock.now());
            if (state == ConsentState.EXPIRED) {
                throw ApiException.of(ConsentErrors.PROXY_CONSENT_EXPIRED, consent.expiresAt.toString());
            }
            if (state != ConsentState.ACTIVE) {
                throw ApiException.of(ConsentErrors.PROXY_CONSENT_REQUIRED, state.name());
            }
            if (!consent.actionList().contains(action.toString())) {
                throw ApiException.of(ConsentErrors.PROXY_ACTION_NOT_PERMITTED, action.toString());
            }
            return new ProxyAgent(agentId, consent.agentName, consent.id, consent.residentId, item -> {
                if (item == null || !consent.items().contains(item)) {
                    throw ApiException.of(ConsentErrors.PROXY_ITEM_OUT_OF_SCOPE, String.valueOf(item));
                }
            });
        });
    }

    /** The consent when it is {@code agentId}'s in {@code department}: 403 when there is none or it is someone else's. */
    static Consent ownedBy(Consent c, UUID agentId, String department) {
        if (c == null) {
            throw ApiException.of(ConsentErrors.PROXY_CONSENT_REQUIRED, "NONE");
        }
        if (!c.agentStaffId.equals(agentId) || !c.departmentCode.equals(department)) {
            throw ApiException.of(ConsentErrors.PROXY_CONSENT_NOT_YOURS);
        }
        return c;
    }
}
