package app.banhao.auth;

import app.banhao.platform.error.ProblemCode;

/** The error codes of this feature and their HTTP statuses; texts in {@code i18n/auth/messages_*.properties}. */
public enum AuthErrors implements ProblemCode {
    OTP_INVALID(401),
    SMS_UNAVAILABLE(503),
    MINI_PROGRAM_CODE_INVALID(401),
    MINI_PROGRAM_PLATFORM_NOT_ENABLED(422),
    MINI_PROGRAM_UNAVAILABLE(503);

    private final int status;

    AuthErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
