package app.banhao.platform.error;

/**
 * Every stable error code the API answers with, and the HTTP status it goes with. Codes never change
 * meaning once published; localised titles and details live in {@code i18n/messages_*.properties}
 * under {@code error.<CODE>.title} and {@code error.<CODE>.detail}.
 */
public enum ErrorCode {
    // Malformed requests
    BAD_REQUEST(400),
    MALFORMED_JSON(400),
    INVALID_FIELD(400),
    INVALID_PARAMETER(400),
    INVALID_CURSOR(400),
    MISSING_BODY(400),
    VALIDATION_FAILED(422),

    // Protocol
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    MALFORMED_URI(400),
    URI_TOO_LONG(414),
    HEADERS_TOO_LARGE(431),

    // Security
    UNAUTHORIZED(401),
    FORBIDDEN(403),

    // State
    CONFLICT(409),
    PRECONDITION_FAILED(412),
    PRECONDITION_REQUIRED(428),
    IDEMPOTENCY_KEY_REUSED(422),
    RATE_LIMITED(429),
    IDEMPOTENT_RESPONSE_WITHHELD(409),
    CONCURRENT_UPDATE(409),

    // Identity and access
    OTP_INVALID(401),
    CREDENTIALS_INVALID(401),
    REFRESH_TOKEN_INVALID(401),
    ACCOUNT_LOCKED(429),
    PASSWORD_TOO_WEAK(422),
    CURRENT_PASSWORD_WRONG(422),
    ID_NUMBER_INVALID(422),
    REAL_NAME_MISMATCH(422),
    ALREADY_VERIFIED(409),
    PHONE_AUTHORIZATION_REQUIRED(409),
    TOO_MANY_ADDRESSES(409),
    USERNAME_TAKEN(409),
    SMS_UNAVAILABLE(503),
    IDENTITY_PROVIDER_UNAVAILABLE(503),
    MINI_PROGRAM_CODE_INVALID(401),
    MINI_PROGRAM_PLATFORM_NOT_ENABLED(422),
    MINI_PROGRAM_UNAVAILABLE(503),

    // Faults
    SERVICE_UNAVAILABLE(503),
    INTERNAL_ERROR(500),

    // Catalogue
    INVALID_FORM_SCHEMA(422),
    UNKNOWN_DEPARTMENT(422),
    UNKNOWN_ITEM(422),
    INCONSISTENT_TIME_LIMITS(422),
    DEPARTMENT_IN_USE(409),

    // Applications
    ITEM_NOT_AVAILABLE(422),
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
    STORAGE_QUOTA_EXCEEDED(422);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The problem {@code type} URI, stable like the code itself. */
    public String typeUri() {
        return "https://banhao.app/problems/" + name().toLowerCase().replace('_', '-');
    }
}
