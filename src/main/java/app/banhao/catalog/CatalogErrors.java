package app.banhao.catalog;

import app.banhao.platform.error.ProblemCode;

/** The error codes of this feature and their HTTP statuses; texts in {@code i18n/catalog/messages_*.properties}. */
public enum CatalogErrors implements ProblemCode {
    INVALID_FORM_SCHEMA(422),
    UNKNOWN_DEPARTMENT(422),
    UNKNOWN_ITEM(422),
    INCONSISTENT_TIME_LIMITS(422),
    DEPARTMENT_IN_USE(409),
    ITEM_NOT_AVAILABLE(422);

    private final int status;

    CatalogErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
