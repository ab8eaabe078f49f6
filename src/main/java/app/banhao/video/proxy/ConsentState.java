package app.banhao.video.proxy;

import java.util.Map;
import java.util.Set;

import app.banhao.platform.error.ApiException;

/** REQUESTED → ACTIVE | REFUSED | WITHDRAWN; ACTIVE → REVOKED | WITHDRAWN | EXPIRED (by time, {@link Consent#stateAt}). */
public enum ConsentState {
    REQUESTED, ACTIVE, REFUSED, WITHDRAWN, REVOKED, EXPIRED;

    private static final Map<ConsentState, Set<ConsentState>> NEXT = Map.of(
            REQUESTED, Set.of(ACTIVE, REFUSED, WITHDRAWN),
            ACTIVE, Set.of(REVOKED, WITHDRAWN));

    /** 409 naming the current state unless a consent in {@code from} may go to {@code to}. */
    static void require(ConsentState from, ConsentState to) {
        if (!NEXT.getOrDefault(from, Set.of()).contains(to)) {
            throw ApiException.of(ConsentErrors.PROXY_CONSENT_STATE_CONFLICT, from.name(), to.name());
        }
    }
}
