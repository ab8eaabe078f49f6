package app.banhao.testing.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * An OpenAPI document as the proof suites use it: its operations, the library validator for exchanges
 * and the schema validator for single documents. {@link #main()} is the contract itself,
 * {@code api-spec/openapi.yaml}; the suites' own tests load small fixture documents from the class path
 * to show that the machinery fails where it must.
 */
public final class ApiContract {

    public static final String MAIN_LOCATION = "api-spec/openapi.yaml";
    private static final Map<String, ApiContract> LOADED = new ConcurrentHashMap<>();

    private final String location;
    private final OpenAPI api;
    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver resolver;
    private final SchemaValidator schemas;
    private final List<SpecOperation> operations;

    private ApiContract(String location, String text) {
        this.location = location;
        this.api = parse(location, text);
        // The validator parses the text itself (resolving every $ref its way); the resolver and the schema
        // validator get their own copies, as the library transforms the schemas it reads.
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
                .withLevelResolver(LevelResolver.create()
                        // A tolerant reader: what a request has beyond its operation (a newer client's field, a
                        // cache-busting query parameter, a body on a GET) is ignored by the API, so it is no
                        // reason to refuse. Answers stay closed: an extra field there fails.
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                        // RFC 9110 §12.5.1 lets a server disregard Accept; what it then sends is still checked.
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                // An operation without a body ignores whatever a request carries as one, media type included.
                .withWhitelist(ValidationErrorsWhitelist.create().withRule("media type of an ignored body",
                        (message, operation, request, response) -> operation != null
                                && operation.getOperation().getRequestBody() == null
                                && message.getKey().equals("validation.request.contentType.invalid"))
                        // REST Assured hands the filter no body for a multipart request: the parts are checked by
                        // the operation's own tests (uploads), the media type still by the validator.
                        .withRule("multipart body not visible to the filter",
                                (message, operation, request, response) -> message.getKey().equals("validation.request.body.missing")
                                        && request.getContentType().map(t -> t.toLowerCase().startsWith("multipart/form-data")).orElse(false)))
                .build();
        this.resolver = new ApiOperationResolver(parse(location, text), null, false);
        this.schemas = new SchemaValidator(parse(location, text), new MessageResolver());
        this.operations = operationsOf(api);
    }

    /** The contract: {@code api-spec/openapi.yaml} of this checkout. */
    public static ApiContract main() {
        return load(MAIN_LOCATION);
    }

    /** A document from a file path relative to the project, or else from the class path. */
    public static ApiContract load(String location) {
        return LOADED.computeIfAbsent(location, l -> new ApiContract(l, read(l)));
    }

    public String location() {
        return location;
    }

    public OpenAPI api() {
        return api;
    }

    public OpenApiInteractionValidator validator() {
        return validator;
    }

    public SchemaValidator schemas() {
        return schemas;
    }

    public List<SpecOperation> operations() {
        return operations;
    }

    public Optional<SpecOperation> operation(String operationId) {
        return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
    }

    /** The operation a concrete request path and method fall on, if the document has one. */
    public Optional<SpecOperation> match(String path, Request.Method method) {
        ApiOperationMatch match = resolver.findApiOperation(path, method);
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            return Optional.empty();
        }
        String id = match.getApiOperation().getOperation().getOperationId();
        return operation(id);
    }

    /** A named schema of {@code components.schemas}. */
    public Schema<?> schema(String name) {
        Schema<?> schema = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                : api.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalArgumentException(location + " has no schema " + name);
        }
        return schema;
    }

    private static List<SpecOperation> operationsOf(OpenAPI api) {
        List<SpecOperation> result = new ArrayList<>();
        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                // An operation's parameter overrides the path item's one of the same name and place.
                operation.getParameters().forEach(p -> {
                    parameters.removeIf(q -> q.getName().equals(p.getName()) && q.getIn().equals(p.getIn()));
                    parameters.add(p);
                });
            }
            boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
            result.add(new SpecOperation(requireId(path, method, operation), method.name(), path, operation,
                    List.copyOf(parameters), !secured));
        }));
        return List.copyOf(result);
    }

    private static String requireId(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
            throw new IllegalStateException(method + " " + path + " has no operationId (DESIGN.md §6 requires one)");
        }
        return operation.getOperationId();
    }

    private static OpenAPI parse(String location, String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("Could not parse " + location + ": " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    private static String read(String location) {
        try {
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
                if (in == null) {
                    throw new IllegalArgumentException("No OpenAPI document at " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
