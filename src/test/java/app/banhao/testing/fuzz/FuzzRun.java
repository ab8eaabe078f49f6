package app.banhao.testing.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;

import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.contract.ExchangeCheck;
import app.banhao.testing.contract.SpecOperation;

/**
 * Sends generated requests for every operation of a contract and judges every answer: never a 5xx,
 * never an error that is not a problem document, never a trace of internals, 401 for a request without
 * a valid token on an operation that needs one, and, against the API's own contract, every answer as
 * documented ({@link ExchangeCheck}).
 *
 * <p>Reproducible: the run seed ({@value #SEED}, printed; random by default) and a case's address
 * ({@code operationId#n}) determine the request, and {@value #ONLY} replays just that case.
 */
public final class FuzzRun {

    public static final String SEED = "banhao.fuzz.seed";
    public static final String ONLY = "banhao.fuzz.case";
    public static final String CASES = "banhao.fuzz.cases-per-operation";
    /** Enough to see a pattern, without one broken operation hiding the others. */
    private static final int MAX_REPORTED_PER_OPERATION = 5;
    /**
     * Refusals of the request line and headers (URI too long, headers too large), which the contract leaves
     * out of every operation: held to being problem documents, not to being documented.
     */
    private static final java.util.Set<Integer> CODEC_STATUSES = java.util.Set.of(414, 431);
    /** Raw HTTP-level cases per operation ({@link RawFuzz}): cheap, so they hardly touch the budget. */
    private static final int RAW_CASES_PER_OPERATION = 2;

    /**
     * 401, or a refusal of the request's form (body too large, media types) that routing makes before any
     * security check or resource code runs, and which reveals nothing.
     */
    private static final java.util.Set<Integer> REFUSALS_WITHOUT_TOKEN = java.util.Set.of(401, 406, 413, 415);

    private final URI root;
    private final ApiContract contract;
    private final boolean documented;
    private final long seed;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param documented whether the contract documents every answer (the API's), or only the requests
     *        (a fixture's), in which case answers are held to the rules that apply to any endpoint
     */
    public FuzzRun(URI root, ApiContract contract, boolean documented) {
        this.root = root;
        this.contract = contract;
        this.documented = documented;
        this.seed = Long.getLong(SEED, new java.util.SplittableRandom().nextLong());
    }

    /** Runs the cases within {@code budget} and returns a report of every failure (empty: all held). */
    public List<String> run(Duration budget) throws InterruptedException {
        RequestFuzzer fuzzer = new RequestFuzzer(contract);
        List<String> failures = new ArrayList<>();
        Optional<String> only = Optional.ofNullable(System.getProperty(ONLY));
        int perOperation = Integer.getInteger(CASES, 1_000);
        List<SpecOperation> operations = contract.operations();
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        System.out.printf("Fuzzing %s: seed %d (replay with -D%s=%d)%n", contract.location(), seed, SEED, seed);
        for (int o = 0; o < operations.size(); o++) {
            SpecOperation operation = operations.get(o);
            // Each operation gets an equal share of what is left, so a slow one cannot starve the others.
            long share = (deadline - System.nanoTime()) / (operations.size() - o);
            long operationDeadline = System.nanoTime() + share;
            if (only.isEmpty()) {
                java.util.SplittableRandom raw = new java.util.SplittableRandom(RequestFuzzer.caseSeed(seed, operation.operationId(), -1));
                for (int r = 0; r < RAW_CASES_PER_OPERATION; r++) {
                    failures.addAll(RawFuzz.run(root, operation, raw));
                    sent++;
                }
            }
            int n = 0;
            int failed = 0;
            for (; n < perOperation && System.nanoTime() < operationDeadline && failed < MAX_REPORTED_PER_OPERATION; n++) {
                String address = operation.operationId() + "#" + n;
                if (only.isPresent() && !only.get().equals(address)) {
                    continue;
                }
                FuzzRequest request = fuzzer.generate(operation, seed, n);
                List<String> wrong = judge(operation, request);
                sent++;
                if (!wrong.isEmpty()) {
                    failed++;
                    failures.add(address + ": " + String.join("; ", wrong) + "\n    request: " + request.describe()
                            + "\n    replay: ./mvnw test -Dtest=FuzzTest -D" + SEED + "=" + seed + " -D" + ONLY + "=" + address);
                }
            }
            System.out.printf("  %s: %d cases%n", operation, n);
        }
        System.out.printf("Fuzzing %s: %d requests, %d failures%n", contract.location(), sent, failures.size());
        return failures;
    }

    private List<String> judge(SpecOperation operation, FuzzRequest request) throws InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = send(request);
        } catch (IOException e) {
            return List.of("no HTTP answer: " + e);
        }
        List<String> wrong = new ArrayList<>();
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            wrong.add("answered " + status);
        }
        if (CODEC_STATUSES.contains(status)) {
            // Past our limits (HttpEdgeFilters) or the codec's own (UndecodableRequests): a problem all the same.
            wrong.addAll(ExchangeCheck.problemDocumentViolations(contract, toRecorded(response)));
            return wrong;
        }
        boolean withoutValidToken = request.caller().equals("anonymous") || request.caller().equals("forged");
        // A target that is no URI of the contract (a matrix parameter, a bad escape) is refused before security.
        boolean malformedTarget = status == 400 && body.contains("\"code\":\"MALFORMED_URI\"");
        if (!operation.isPublic() && withoutValidToken && !REFUSALS_WITHOUT_TOKEN.contains(status) && !malformedTarget) {
            wrong.add("answered " + status + " without a valid token, expected 401");
        }
        var recorded = toRecorded(response);
        if (documented) {
            wrong.addAll(ExchangeCheck.violations(contract, toValidated(request), recorded));
        } else {
            if (status >= 400) {
                wrong.addAll(ExchangeCheck.problemDocumentViolations(contract, recorded));
            }
            ExchangeCheck.internals(body).ifPresent(m -> wrong.add("the body shows internals (\"" + m + "\")"));
        }
        if (!wrong.isEmpty()) {
            wrong.add("response " + status + ": " + FuzzRequest.abbreviate(body, 400));
        }
        return wrong;
    }

    /**
     * Sends once more on a fresh connection when the first attempt got no answer at all: the server may
     * close a kept-alive connection after answering a malformed request, and the client may have picked
     * it for this one before seeing it closed. Twice no answer is a failure.
     */
    private HttpResponse<byte[]> send(FuzzRequest request) throws IOException, InterruptedException {
        try {
            return http.send(toHttp(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException closedUnderUs) {
            return http.send(toHttp(request), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private HttpRequest toHttp(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
        return builder.build();
    }

    /**
     * A fuzzed value may itself be a malformed escape ("%zz"): judged as sent, then, with its '%' escaped,
     * since the validator decodes once more.
     */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw.replace("%", "%25");
        }
    }

    private static Request toValidated(FuzzRequest request) {
        String target = request.pathAndQuery();
        int q = target.indexOf('?');
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(),
                decode(q < 0 ? target : target.substring(0, q)));
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                builder.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        request.headers().forEach(h -> builder.withHeader(h.getKey(), h.getValue()));
        if (request.body() != null) {
            builder.withBody(request.body());
        }
        return builder.build();
    }

    private static com.atlassian.oai.validator.model.Response toRecorded(HttpResponse<byte[]> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        return builder.build();
    }
}
