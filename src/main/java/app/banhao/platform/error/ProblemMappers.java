package app.banhao.platform.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import app.banhao.platform.web.RequestIds;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that reaches the REST layer into problem+json: the one mapper layer of
 * DESIGN.md §6. Input errors name their field; anything unexpected is a 500 without internals. Request bodies
 * are read by {@link JsonBodyProblems}, unconvertible parameters by {@link ParameterProblems}.
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
        return ParameterProblems.of(e, headers, uri);
    }

    // One mapper per Jackson type: Quarkus ships mappers for the specific ones that would win otherwise.
    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return JsonBodyProblems.of(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return JsonBodyProblems.of(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        return JsonBodyProblems.of(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return JsonBodyProblems.of(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return JsonBodyProblems.of(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonInstantiation(ValueInstantiationException e, HttpHeaders headers, UriInfo uri) {
        return JsonBodyProblems.of(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonBodyProblems.of(json, headers, uri);
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

    private static Response respond(ProblemCode code, List<Object> args, List<FieldError> errors,
            Map<String, String> extraHeaders, HttpHeaders headers, UriInfo uri) {
        return Problems.forRequest(code, args, errors, extraHeaders, headers, uri);
    }
}
