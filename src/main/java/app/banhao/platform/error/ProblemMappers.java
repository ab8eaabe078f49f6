package app.banhao.platform.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import app.banhao.platform.i18n.Messages.Language;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.web.ContractFields;
import app.banhao.platform.web.RequestIds;
import app.banhao.platform.web.StorableTextJsonFactory;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that reaches the REST layer into problem+json: the one mapper layer of
 * DESIGN.md §6. Input errors name their field; anything unexpected is a 500 without internals.
 */
public class ProblemMappers {

    private final long maxBodyBytes;

    public ProblemMappers(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    @ServerExceptionMapper
    public Response api(ApiException e, HttpHeaders headers, UriInfo uri) {
        return respond(e.code(), e.detailArgs(), e.fieldErrors(), e.headers(), headers, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        boolean missingBody = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            ViolationPath path = ViolationPath.of(violation);
            if (path.returnValue()) {
                // Our own response broke the contract: not the caller's fault.
                Log.errorf("Response failed validation at %s: %s", path.field(), violation.getMessage());
                return respond(ErrorCode.INTERNAL_ERROR, List.of(RequestIds.of(headers)), List.of(), Map.of(), headers, uri);
            }
            if (path.body() && path.field().isEmpty()) {
                missingBody = true;
                continue;
            }
            errors.add(FieldError.withMessage(path.field(), FieldCodes.of(violation), violation.getMessage()));
        }
        if (missingBody && errors.isEmpty()) {
            return respond(ErrorCode.MISSING_BODY, List.of(), List.of(), Map.of(), headers, uri);
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(ErrorCode.VALIDATION_FAILED, List.of(errors.size()), errors, Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, HttpHeaders headers, UriInfo uri) {
        FieldError error = e.error();
        if (error.field() == null) {
            error = new FieldError(parameterHolding(String.valueOf(error.args().get(0)), headers, uri), error.code(),
                    error.args(), error.message());
        }
        return respond(ErrorCode.INVALID_PARAMETER, List.of(error.field()), List.of(error), Map.of(), headers, uri);
    }

    // One mapper per Jackson type: Quarkus ships mappers for the specific ones that would win otherwise.
    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return jsonProblem(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return jsonProblem(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        return jsonProblem(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return jsonProblem(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return jsonProblem(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonInstantiation(ValueInstantiationException e, HttpHeaders headers, UriInfo uri) {
        return jsonProblem(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, headers, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
        if (code == ErrorCode.INTERNAL_ERROR) {
            Log.errorf(e, "Unexpected %d from the REST layer", status);
        }
        List<Object> args = switch (code) {
            case PAYLOAD_TOO_LARGE -> List.of(maxBodyBytes);
            case INTERNAL_ERROR -> List.of(RequestIds.of(headers));
            default -> List.of();
        };
        return respond(code, args, List.of(), Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return respond(ErrorCode.UNAUTHORIZED, List.of(), List.of(), Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return respond(ErrorCode.UNAUTHORIZED, List.of(), List.of(), Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(ErrorCode.FORBIDDEN, List.of(), List.of(), Map.of(), headers, uri);
    }

    /**
     * A versioned row someone else changed first, still after the unit of work's own retries
     * ({@link app.banhao.platform.transaction.Transactions}): the caller's change lost a race, it may send it again.
     */
    @ServerExceptionMapper
    public Response staleWrite(jakarta.persistence.OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return lostRace(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response staleState(org.hibernate.StaleStateException e, HttpHeaders headers, UriInfo uri) {
        return lostRace(e, headers, uri);
    }

    private static Response lostRace(Throwable e, HttpHeaders headers, UriInfo uri) {
        Log.warnf("Concurrent change lost its race [req=%s]: %s", RequestIds.of(headers), e.toString());
        return respond(ErrorCode.CONCURRENT_UPDATE, List.of(), List.of(), Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        String requestId = RequestIds.of(headers);
        if (e instanceof java.io.IOException && e.getMessage() != null && e.getMessage().contains("multipart")) {
            // A multipart body that ends before its closing boundary: the caller's request is broken.
            return respond(ErrorCode.BAD_REQUEST, List.of(), List.of(), Map.of(), headers, uri);
        }
        if (app.banhao.platform.transaction.Transactions.isStaleWrite(e)) {
            return lostRace(e, headers, uri); // wrapped, so the typed mappers above did not see it
        }
        if (DependencyFailures.isTransientConflict(e)) {
            // Still conflicting after the unit of work's own retries: the caller may try again at once.
            Log.warnf("Transaction conflict [req=%s]: %s", requestId, e.toString());
            return respond(ErrorCode.SERVICE_UNAVAILABLE, List.of(), List.of(), Map.of("Retry-After", "1"), headers, uri);
        }
        if (DependencyFailures.isDependencyDown(e)) {
            Log.warnf("Dependency unavailable [req=%s]: %s", requestId, e.toString());
            return respond(ErrorCode.SERVICE_UNAVAILABLE, List.of(), List.of(),
                    Map.of("Retry-After", "5"), headers, uri);
        }
        Log.errorf(e, "Unexpected failure [req=%s]", requestId);
        return respond(ErrorCode.INTERNAL_ERROR, List.of(requestId), List.of(), Map.of(), headers, uri);
    }

    /**
     * The name of the query, path or header parameter whose raw value could not be converted, for
     * converters that were not told their parameter's name (see {@link StrictParamConverters}).
     */
    private static String parameterHolding(String raw, HttpHeaders headers, UriInfo uri) {
        for (var query : uri.getQueryParameters().entrySet()) {
            if (query.getValue().contains(raw)) {
                return query.getKey();
            }
        }
        for (var path : uri.getPathParameters().entrySet()) {
            if (path.getValue().contains(raw)) {
                return path.getKey();
            }
        }
        if (headers != null) {
            for (var header : headers.getRequestHeaders().entrySet()) {
                if (header.getValue().contains(raw)) {
                    return header.getKey();
                }
            }
        }
        return "$";
    }

    private Response jsonProblem(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Response edge = edgeJsonProblem(e, headers, uri);
        if (edge != null) {
            return edge;
        }
        if (e instanceof JsonParseException parse) {
            var at = parse.getLocation();
            return respond(ErrorCode.MALFORMED_JSON,
                    List.of(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()),
                    List.of(), Map.of(), headers, uri);
        }
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping);
            if (field.isEmpty() && e instanceof MismatchedInputException && isEndOfInput(e)) {
                return respond(ErrorCode.MISSING_BODY, List.of(), List.of(), Map.of(), headers, uri);
            }
            if (field.isEmpty() && !(e instanceof InvalidFormatException)) {
                // The whole body has the wrong shape (e.g. an array where an object belongs).
                field = "$";
            }
            FieldError error = fieldError(field, mapping);
            return respond(ErrorCode.INVALID_FIELD, List.of(field), List.of(error), Map.of(), headers, uri);
        }
        return respond(ErrorCode.MALFORMED_JSON, List.of(0, 0), List.of(), Map.of(), headers, uri);
    }

    /**
     * What the strict request reader refuses beyond Jackson's own checks (see {@code StrictRequestJson}):
     * unstorable text, absent required and unknown closed-schema fields, bytes after the JSON value.
     */
    private static Response edgeJsonProblem(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        // Jackson may wrap it on the way out of a deserializer; its own path is the one that counts.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorableTextJsonFactory.UnstorableTextException text) {
                return respond(ErrorCode.INVALID_FIELD, List.of(text.field()),
                        List.of(FieldError.of(text.field(), FieldCode.INVALID_CHARACTER)), Map.of(), headers, uri);
            }
        }
        if (e instanceof ContractFields.MissingFieldException missing) {
            String object = jsonPath(missing);
            List<FieldError> errors = missing.names().stream()
                    .map(name -> FieldError.of(object.isEmpty() ? name : object + "." + name, FieldCode.REQUIRED)).toList();
            return respond(ErrorCode.VALIDATION_FAILED, List.of(errors.size()), errors, Map.of(), headers, uri);
        }
        if (e instanceof ContractFields.UnknownFieldException unknown) {
            String field = jsonPath(unknown);
            return respond(ErrorCode.INVALID_FIELD, List.of(field), List.of(FieldError.of(field, FieldCode.UNKNOWN_FIELD)),
                    Map.of(), headers, uri);
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            var at = e.getLocation();
            return respond(ErrorCode.MALFORMED_JSON, List.of(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()),
                    List.of(), Map.of(), headers, uri);
        }
        return null;
    }

    private static FieldError fieldError(String field, JsonMappingException e) {
        if (e instanceof app.banhao.platform.web.StrictRequestJson.DuplicateItemsException) {
            return FieldError.of(field, FieldCode.DUPLICATE_ITEMS);
        }
        Class<?> target = targetType(e);
        Object value = e instanceof InvalidFormatException f ? f.getValue() : null;
        String shown = value == null ? "" : String.valueOf(value);
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return FieldError.of(field, FieldCode.INVALID_ENUM, shown, allowed);
        }
        if (target != null && value != null) {
            if (Number.class.isAssignableFrom(boxed(target))) {
                return FieldError.of(field, FieldCode.INVALID_NUMBER, shown);
            }
            if (target == java.time.LocalDate.class) {
                return FieldError.of(field, FieldCode.INVALID_DATE, shown);
            }
            if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
                return FieldError.of(field, FieldCode.INVALID_DATE_TIME, shown);
            }
            if (boxed(target) == Boolean.class) {
                return FieldError.of(field, FieldCode.INVALID_BOOLEAN, shown);
            }
        }
        return FieldError.of(field, FieldCode.INVALID_TYPE, "@type." + JsonTypes.nameOf(target));
    }

    private static Class<?> targetType(JsonMappingException e) {
        if (e instanceof MismatchedInputException m) {
            return m.getTargetType();
        }
        if (e instanceof ValueInstantiationException v && v.getType() != null) {
            return v.getType().getRawClass();
        }
        return null;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> Number.class;
        };
    }

    private static boolean isEndOfInput(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
    }

    /** {@code address.city}, {@code items[2].code}: the JSON path of the offending value. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Response respond(ProblemCode code, List<Object> args, List<FieldError> errors,
            Map<String, String> extraHeaders, HttpHeaders headers, UriInfo uri) {
        Language language = Messages.languageOf(headers);
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        return Problems.response(code, args, errors, extraHeaders, language, instance, RequestIds.of(headers));
    }
}
