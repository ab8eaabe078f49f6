package app.banhao.wallet;

import app.banhao.platform.error.ProblemCode;

/** The error codes of the wallet and their HTTP statuses; texts in {@code i18n/wallet/messages_*.properties}. */
public enum WalletErrors implements ProblemCode {
    /** The status change is not allowed from the certificate's status (revoked is final; only a suspended one is reinstated). */
    CERTIFICATE_STATUS_CONFLICT(409);

    private final int status;

    WalletErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
