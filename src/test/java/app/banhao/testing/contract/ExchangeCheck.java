package app.banhao.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext.Location;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.platform.error.ProblemCode;

/**
 * What every answer of the API must be, judged against a contract by swagger-request-validator:
 * <ul>
 * <li>the response conforms to the operation's documented responses (status, content type, schema,
 * no undocumented field: the validator treats objects as closed unless they say otherwise);</li>
 * <li>a request the contract forbids is never accepted (a 2xx/3xx to it is a missing check on our
 * side; a 4xx is the API doing its job, which is what negative tests provoke on purpose);</li>
 * <li>a path or method the contract lacks answers only with an error;</li>
 * <li>every error is {@code application/problem+json} matching the {@code Problem} schema, with a
 * stable code of {@link ErrorCode} and the status and type that go with it, and no answer carries a
 * stack trace.</li>
 * </ul>
 */
public final class ExchangeCheck {

    /** Traces of internals that must never reach a caller. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "at java.", "at io.", "at org.",
            "at app.banhao", "org.hibernate", "io.vertx.", "java.lang.", "Caused by:", "NullPointer");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExchangeCheck() {
    }

    /** Everything wrong with one exchange; empty when it conforms. */
    public static List<String> violations(ApiContract contract, Request request, Response response) {
        List<String> problems = new ArrayList<>();
        int status = response.getStatus();
        boolean accepted = status < 400;
        boolean known = contract.match(request.getPath(), request.getMethod()).isPresent();
        if (!known && accepted) {
            problems.add("answered " + status + " to " + request.getMethod() + " " + request.getPath()
                    + ", which the contract does not document (an undocumented endpoint?)");
        }
        if (known) {
            ValidationReport report;
            try {
                report = contract.validator().validate(request, response);
            } catch (IllegalArgumentException unrepresentable) {
                // The validator cannot decode a deliberately malformed escape ("%zz") in the request; the
                // answer is still held to the rules below (status, problem body, no internals).
                report = ValidationReport.empty();
            }
            for (Message m : report.getMessages()) {
                if (m.getLevel() != Level.ERROR) {
                    continue;
                }
                if (!isAboutRequest(m)) {
                    problems.add("response: " + describe(m));
                } else if (accepted) {
                    problems.add("accepted (" + status + ") a request the contract forbids: " + describe(m));
                }
            }
        }
        if (status >= 400) {
            problems.addAll(problemDocumentViolations(contract, response));
        }
        internals(bodyOf(response)).ifPresent(marker -> problems.add("the body shows internals (\"" + marker + "\")"));
        return problems;
    }

    /** The first trace of a stack trace or internal class name in a body, if any. */
    public static Optional<String> internals(String body) {
        return INTERNALS.stream().filter(body::contains).findFirst();
    }

    /** An error answer must be a problem document: media type, schema and the status it repeats. */
    public static List<String> problemDocumentViolations(ApiContract contract, Response response) {
        List<String> problems = new ArrayList<>();
        Optional<String> type = response.getContentType();
        if (type.isEmpty() || !type.get().toLowerCase().startsWith("application/problem+json")) {
            problems.add("error " + response.getStatus() + " is not application/problem+json but " + type.orElse("(none)"));
            return problems;
        }
        String body = bodyOf(response);
        ValidationReport report = contract.schemas().validate(body, contract.schema("Problem"), "validation.response.body");
        report.getMessages().stream().filter(m -> m.getLevel() == Level.ERROR)
                .forEach(m -> problems.add("problem document: " + describe(m)));
        try {
            JsonNode problem = JSON.readTree(body);
            int stated = problem.path("status").asInt(-1);
            if (stated != response.getStatus()) {
                problems.add("problem document states status " + stated + " on a " + response.getStatus() + " response");
            }
            String code = problem.path("code").asText();
            Optional<ProblemCode> known = ProblemCodes.named(code);
            if (known.isEmpty()) {
                problems.add("problem code " + code + " is not declared by any ProblemCode enum");
            } else if (known.get().status() != response.getStatus() || !known.get().typeUri().equals(problem.path("type").asText())) {
                problems.add("problem code " + code + " goes with status " + known.get().status() + " and type "
                        + known.get().typeUri() + ", not " + response.getStatus() + " and " + problem.path("type").asText());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            problems.add("problem document is not JSON: " + notJson.getOriginalMessage());
        }
        return problems;
    }

    /** The body as text; the library's {@code getBody()} is deprecated and always empty. */
    public static String bodyOf(Response response) {
        try {
            return response.getResponseBody().isPresent() ? response.getResponseBody().get().toString(StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isAboutRequest(Message m) {
        Optional<Location> location = m.getContext().flatMap(c -> c.getLocation());
        return location.map(l -> l == Location.REQUEST).orElse(m.getKey().startsWith("validation.request"));
    }

    private static String describe(Message m) {
        return "[" + m.getKey() + "] " + m.getMessage();
    }
}
