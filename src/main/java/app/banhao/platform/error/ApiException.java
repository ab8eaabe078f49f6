package app.banhao.platform.error;

import java.util.List;
import java.util.Map;

/**
 * The one exception features throw for an answer other than success: it carries the stable code, the
 * arguments of its localised detail, the offending fields and any extra response headers
 * (e.g. {@code Retry-After}). {@link ProblemMappers} turns it into problem+json.
 */
public class ApiException extends RuntimeException {

    private final ProblemCode code;
    private final List<Object> detailArgs;
    private final List<FieldError> fieldErrors;
    private final Map<String, String> headers;

    public ApiException(ProblemCode code, List<Object> detailArgs, List<FieldError> fieldErrors,
            Map<String, String> headers) {
        super(code.name(), null, false, false);
        this.code = code;
        this.detailArgs = List.copyOf(detailArgs);
        this.fieldErrors = List.copyOf(fieldErrors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException of(ProblemCode code, Object... detailArgs) {
        return new ApiException(code, List.of(detailArgs), List.of(), Map.of());
    }

    /** One field refused: {@code VALIDATION_FAILED}'s detail counts the refused fields, the other codes' name it. */
    public static ApiException field(ProblemCode code, FieldError error) {
        return code == ErrorCode.VALIDATION_FAILED ? fields(code, List.of(error))
                : new ApiException(code, List.of(error.field()), List.of(error), Map.of());
    }

    public static ApiException fields(ProblemCode code, List<FieldError> errors) {
        return new ApiException(code, List.of(errors.size()), errors, Map.of());
    }

    /** 429 or 503 with the seconds after which a retry may succeed. */
    public static ApiException retryAfter(ProblemCode code, long seconds, Object... detailArgs) {
        return new ApiException(code, List.of(detailArgs), List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, seconds))));
    }

    public ProblemCode code() {
        return code;
    }

    public List<Object> detailArgs() {
        return detailArgs;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
