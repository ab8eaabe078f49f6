package app.banhao.wallet.presentation;

import app.banhao.platform.error.ProblemCode;

/** The error codes of presentations (亮证); texts in {@code i18n/wallet/messages_*.properties}. */
public enum PresentationErrors implements ProblemCode {
    /** Only a valid certificate can be shown. */
    CERTIFICATE_NOT_PRESENTABLE(409),
    /** A chosen field the certificate does not have. */
    PRESENTATION_FIELD_UNKNOWN(422);

    private final int status;

    PresentationErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
