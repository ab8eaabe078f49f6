package app.banhao.video.proxy;

import app.banhao.platform.error.ProblemCode;

/** The error codes of 帮代办 consent and their statuses; texts in {@code i18n/video/messages_*.properties}. */
public enum ConsentErrors implements ProblemCode {
    /** The appointment is not one the agent held that is in session or finished recently. */
    PROXY_SESSION_REQUIRED(403),
    /** No ACTIVE consent: none, or requested, refused, withdrawn or revoked. */
    PROXY_CONSENT_REQUIRED(403),
    /** The consent is another agent's (or another department's). */
    PROXY_CONSENT_NOT_YOURS(403),
    /** The consent's expiry has passed. */
    PROXY_CONSENT_EXPIRED(403),
    /** The item is not in the consent's scope. */
    PROXY_ITEM_OUT_OF_SCOPE(403),
    /** The consent does not permit this action. */
    PROXY_ACTION_NOT_PERMITTED(403),
    /** The step is not one the consent's state allows. */
    PROXY_CONSENT_STATE_CONFLICT(409);

    private final int status;

    ConsentErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
