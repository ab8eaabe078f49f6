package app.banhao.platform.error;

/** Stable codes for what is wrong with one field; localised under {@code field.<CODE>}. */
public enum FieldCode {
    REQUIRED,
    INVALID_FORMAT,
    INVALID_TYPE,
    INVALID_NUMBER,
    INVALID_DATE,
    INVALID_DATE_TIME,
    INVALID_ENUM,
    INVALID_BOOLEAN,
    TOO_LONG,
    TOO_SHORT,
    TOO_SMALL,
    TOO_LARGE,
    NOT_ALLOWED,
    REPEATED,
    DUPLICATE_ITEMS,
    INVALID,
    /** U+0000 or an unpaired surrogate: no text column can store it. */
    INVALID_CHARACTER,
    /** A field an object closed by {@code additionalProperties: false} does not have. */
    UNKNOWN_FIELD
}
