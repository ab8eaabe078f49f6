package app.banhao.application.core;

import app.banhao.platform.error.ProblemCode;

/** The error codes of this feature and their HTTP statuses; texts in {@code i18n/application/messages_*.properties}. */
public enum ApplicationErrors implements ProblemCode {
    APPLICATION_STATE_CONFLICT(409),
    FORM_DATA_INVALID(422),
    MATERIALS_MISSING(422),
    UNKNOWN_MATERIAL(422),
    COMMITMENT_NOT_ALLOWED(422),
    FILE_TYPE_NOT_ALLOWED(422),
    FILE_TOO_LARGE(413),
    CERTIFICATE_NOT_USABLE(422),
    PROFILE_NOT_VERIFIED(422),
    BUNDLE_NOT_AVAILABLE(422),
    BUNDLE_CHILD(409),
    DRAFT_LIMIT_REACHED(422),
    STORAGE_QUOTA_EXCEEDED(422),
    /** The resident confirms a submission no agent asked them to confirm (帮代办). */
    PROXY_CONFIRMATION_NOT_REQUESTED(409);

    private final int status;

    ApplicationErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
