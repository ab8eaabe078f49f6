package app.banhao.platform.error;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The problem for a query, path or header parameter whose raw value could not be converted. */
final class ParameterProblems {

    private ParameterProblems() {
    }

    static Response of(InvalidParameterException e, HttpHeaders headers, UriInfo uri) {
        FieldError error = e.error();
        if (error.field() == null) {
            error = new FieldError(parameterHolding(String.valueOf(error.args().get(0)), headers, uri), error.code(),
                    error.args(), error.message());
        }
        return Problems.forRequest(ErrorCode.INVALID_PARAMETER, List.of(error.field()), List.of(error), Map.of(),
                headers, uri);
    }

    /**
     * The name of the parameter holding the raw value, for converters that were not told their parameter's name
     * (see {@link StrictParamConverters}).
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
}
