package app.banhao.resident;

import app.banhao.platform.error.ProblemCode;

/** The error codes of this feature and their HTTP statuses; texts in {@code i18n/resident/messages_*.properties}. */
public enum ResidentErrors implements ProblemCode {
    CURRENT_PASSWORD_WRONG(422),
    ID_NUMBER_INVALID(422),
    REAL_NAME_MISMATCH(422),
    ALREADY_VERIFIED(409),
    PHONE_AUTHORIZATION_REQUIRED(409),
    TOO_MANY_ADDRESSES(409),
    IDENTITY_PROVIDER_UNAVAILABLE(503);

    private final int status;

    ResidentErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
