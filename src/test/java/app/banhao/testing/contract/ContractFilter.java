package app.banhao.testing.contract;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.opentest4j.AssertionFailedError;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.model.SimpleResponse;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A REST Assured filter that holds every exchange to a contract ({@link ExchangeCheck}) and fails the
 * test that made a non-conforming one. Installed for all {@code @QuarkusTest}s by
 * {@link ContractFilterInstaller}; paths outside the contract ({@code /q/}, {@code /test-fixtures/}, {@code /h5}) pass
 * unchecked. Operations answered with a conforming 2xx are reported to {@link SpecCoverage}.
 */
public final class ContractFilter implements OrderedFilter {

    /** Outside the API contract: Quarkus's own endpoints, test-only fixtures and the H5 app's static files. */
    public static final List<String> OUTSIDE_THE_CONTRACT = List.of("/q/", "/test-fixtures/", "/h5");

    private final ApiContract contract;
    private final List<String> exempt;
    private final boolean recordCoverage;

    public ContractFilter(ApiContract contract, List<String> exemptPrefixes, boolean recordCoverage) {
        this.contract = contract;
        this.exempt = List.copyOf(exemptPrefixes);
        this.recordCoverage = recordCoverage;
    }

    /** The filter every API test runs through: the real contract, recording coverage. */
    public static ContractFilter forMainContract() {
        return new ContractFilter(ApiContract.main(), OUTSIDE_THE_CONTRACT, true);
    }

    @Override
    public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        Response response = ctx.next(requestSpec, responseSpec);
        String path = URI.create(requestSpec.getURI()).getRawPath();
        if (exempt.stream().anyMatch(path::startsWith)) {
            return response;
        }
        Request request = RestAssuredRequest.of(requestSpec);
        List<String> violations = ExchangeCheck.violations(contract, request, asRecorded(response));
        if (!violations.isEmpty()) {
            throw new AssertionFailedError(request.getMethod() + " " + path + " -> " + response.getStatusCode()
                    + " breaks " + contract.location() + ":\n  - " + String.join("\n  - ", violations)
                    + "\n  response body: " + abbreviate(response.asString()));
        }
        if (recordCoverage && response.getStatusCode() < 300) {
            Optional<SpecOperation> operation = contract.match(request.getPath(), request.getMethod());
            operation.ifPresent(o -> SpecCoverage.record(o.operationId()));
        }
        return response;
    }

    @Override
    public int getOrder() {
        // After any filter a test adds itself, so the exchange is judged as it really went over the wire.
        return LOWEST_PRECEDENCE;
    }

    /** The response with its body read once: the library's adapter streams it and can be read only once. */
    private static com.atlassian.oai.validator.model.Response asRecorded(Response response) {
        SimpleResponse.Builder copy = SimpleResponse.Builder.status(response.getStatusCode()).withBody(response.asByteArray());
        response.getHeaders().asList().stream()
                .collect(java.util.stream.Collectors.groupingBy(h -> h.getName(), java.util.stream.Collectors
                        .mapping(h -> h.getValue(), java.util.stream.Collectors.toList())))
                .forEach(copy::withHeader);
        return copy.build();
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }
}
