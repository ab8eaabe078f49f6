package app.banhao.testing.contract;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * One operation of an OpenAPI document, with its parameters merged from the path item.
 *
 * @param method upper-case HTTP method
 * @param path the path template, e.g. {@code /api/v1/applications/{applicationNo}}
 * @param isPublic whether it needs no token ({@code security: []}, or no security at all)
 */
public record SpecOperation(String operationId, String method, String path, Operation operation,
        List<Parameter> parameters, boolean isPublic) {

    public List<Parameter> pathParameters() {
        return parameters.stream().filter(p -> "path".equals(p.getIn())).toList();
    }

    /** Whether the operation addresses one object by an identifier in its path. */
    public boolean hasPathIdentifier() {
        return !pathParameters().isEmpty();
    }

    /** The JSON request body's media type entry, if the operation takes one. */
    public Optional<MediaType> jsonBody() {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return Optional.empty();
        }
        return operation.getRequestBody().getContent().entrySet().stream()
                .filter(e -> e.getKey().contains("json"))
                .map(java.util.Map.Entry::getValue)
                .findFirst();
    }

    @Override
    public String toString() {
        return operationId + " (" + method + " " + path + ")";
    }
}
