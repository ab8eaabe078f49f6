package app.banhao.platform.error;

/**
 * The error codes every feature shares (malformed requests, protocol, security, state, faults) and the HTTP status
 * each goes with. A feature's own codes live in its own enum ({@code ApplicationErrors}, {@code ResidentErrors}, …),
 * with their texts in its own bundle, so a new feature edits no central file. Codes never change meaning once
 * published; texts live under {@code error.<CODE>.title} and {@code error.<CODE>.detail}.
 */
public enum ErrorCode implements ProblemCode {
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
    CREDENTIALS_INVALID(401),
    REFRESH_TOKEN_INVALID(401),
    PASSWORD_TOO_WEAK(422),

    // Faults
    SERVICE_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
