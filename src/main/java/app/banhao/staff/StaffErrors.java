package app.banhao.staff;

import app.banhao.platform.error.ProblemCode;

/** The error codes of this feature and their HTTP statuses; texts in {@code i18n/staff/messages_*.properties}. */
public enum StaffErrors implements ProblemCode {
    ACCOUNT_LOCKED(429),
    USERNAME_TAKEN(409);

    private final int status;

    StaffErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
