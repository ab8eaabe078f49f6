package app.banhao.wallet.grant;

import app.banhao.platform.error.ProblemCode;

/** Error codes of lending certificates (授权用证); texts in {@code i18n/wallet/messages_*.properties}. */
public enum GrantErrors implements ProblemCode {
    /** The grant cannot be used now: revoked, expired, used up, or its certificate no longer valid. */
    GRANT_NOT_USABLE(409),
    /** The request was already answered or expired unanswered. */
    GRANT_REQUEST_CLOSED(409);

    private final int status;

    GrantErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
