package app.banhao.testing.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.TestTokens;
import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.contract.SpecOperation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Generates requests for an operation from its parameters and body schema in the contract. Each case
 * attacks one thing in turn (every parameter, the body's fields, the body as a whole, its media type,
 * the headers, the token, unknown parameters) and keeps the rest plausible, so a refusal is about what
 * was attacked and every parameter is reached.
 */
public final class RequestFuzzer {

    private static final String VALID = "nothing (a plausible request)";
    private static final String BODY_FIELDS = "body fields";
    private static final String BODY_WHOLE = "whole body";
    private static final String MEDIA_TYPE = "content type";
    private static final String HEADERS = "headers";
    private static final String TOKEN = "token";
    private static final String UNKNOWN_PARAMETERS = "unknown parameters";

    private final SchemaValues values;
    private final String residentToken = TestTokens.resident("fuzz-resident");
    private final String staffToken = TestTokens.staff("fuzz-staff", "FUZZ-DEPT", TokenClaims.AGENT, TokenClaims.REVIEWER,
            TokenClaims.ADMIN);

    public RequestFuzzer(ApiContract contract) {
        this.values = new SchemaValues(contract.api());
    }

    /** What the cases of an operation attack, in turn. */
    public static List<String> foci(SpecOperation operation) {
        List<String> foci = new ArrayList<>(List.of(VALID));
        operation.parameters().forEach(p -> foci.add(p.getIn() + " parameter " + p.getName()));
        if (operation.jsonBody().isPresent()) {
            foci.addAll(List.of(BODY_FIELDS, BODY_FIELDS, BODY_WHOLE, MEDIA_TYPE));
        } else {
            foci.add(BODY_WHOLE);
        }
        foci.addAll(List.of(HEADERS, UNKNOWN_PARAMETERS));
        if (!operation.isPublic()) {
            foci.add(TOKEN);
        }
        foci.addAll(EdgeFuzz.foci(operation));
        return foci;
    }

    /** Case {@code caseNumber} of {@code operation} in the run with {@code runSeed}. */
    public FuzzRequest generate(SpecOperation operation, long runSeed, int caseNumber) {
        SplittableRandom random = new SplittableRandom(caseSeed(runSeed, operation.operationId(), caseNumber));
        List<String> foci = foci(operation);
        String attack = foci.get(caseNumber % foci.size());
        // The edge cases start from a plausible request and break it afterwards.
        String focus = EdgeFuzz.owns(attack) ? VALID : attack;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String caller = authorize(operation, focus, random, headers);

        StringBuilder path = new StringBuilder(operation.path());
        List<String> query = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            boolean attacked = focus.equals(parameter.getIn() + " parameter " + parameter.getName());
            String value = parameterValue(parameter, attacked, random);
            if (value == null) {
                continue;
            }
            switch (parameter.getIn()) {
                case "path" -> replace(path, "{" + parameter.getName() + "}", value.isEmpty() ? "%20" : encode(value));
                case "query" -> query.add(encode(parameter.getName()) + "=" + encode(value));
                case "header" -> headers.add(Map.entry(parameter.getName(), headerSafe(value, random)));
                default -> {
                    // cookies: the API documents none
                }
            }
        }
        if (focus.equals(UNKNOWN_PARAMETERS)) {
            for (int i = random.nextInt(1, 4); i > 0; i--) {
                query.add(encode(Hostile.pick(random, List.of("limit", "cursor", "debug", "__proto__", "a[b]", "x")))
                        + "=" + encode(Hostile.pick(random, Hostile.STRINGS)));
            }
        }
        if (focus.equals(HEADERS)) {
            headers.add(Map.entry("Accept", Hostile.pick(random, Hostile.MEDIA_TYPES)));
            headers.add(Map.entry("Accept-Language", Hostile.pick(random, Hostile.LANGUAGES)));
            headers.add(Map.entry("X-Request-Id", Hostile.headerValue(random)));
            headers.add(Map.entry(Hostile.pick(random, List.of("If-None-Match", "If-Match", "Idempotency-Key", "Origin")),
                    Hostile.headerValue(random)));
        }

        byte[] body = body(operation, focus, random, headers);
        String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        FuzzRequest request = new FuzzRequest(operation.operationId(), caseNumber, focus, caller, operation.method(), target,
                List.copyOf(headers), body);
        return EdgeFuzz.owns(attack) ? EdgeFuzz.apply(attack, request, random) : request;
    }

    private String authorize(SpecOperation operation, String focus, SplittableRandom random,
            List<Map.Entry<String, String>> headers) {
        if (focus.equals(TOKEN)) {
            String forged = Hostile.pick(random, List.of("Bearer " + Hostile.headerValue(random), "Bearer ",
                    "Basic dXNlcjpwYXNz", "Bearer " + residentToken.substring(0, residentToken.length() - 5) + "AAAAA",
                    "bearer " + residentToken + " extra", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
            headers.add(Map.entry("Authorization", forged));
            return "forged";
        }
        int roll = random.nextInt(10);
        if (operation.isPublic() ? roll < 8 : roll < 3) {
            return "anonymous";
        }
        boolean staff = roll % 2 == 0;
        headers.add(Map.entry("Authorization", "Bearer " + (staff ? staffToken : residentToken)));
        return staff ? "staff" : "resident";
    }

    /** A plausible value, an attacked one, or null to leave the parameter out. */
    private String parameterValue(Parameter parameter, boolean attacked, SplittableRandom random) {
        Schema<?> schema = parameter.getSchema();
        if (!attacked) {
            boolean required = Boolean.TRUE.equals(parameter.getRequired());
            return required || random.nextBoolean() ? values.validText(schema, random) : null;
        }
        int roll = random.nextInt(10);
        if (roll == 0 && !"path".equals(parameter.getIn())) {
            return null;
        }
        if (roll == 1) {
            String huge = Hostile.huge(random);
            return huge.substring(0, Math.min(huge.length(), random.nextBoolean() ? 200 : 2_000));
        }
        if (roll < 5 && "cursor".equals(parameter.getName())) {
            return Hostile.foreignCursor(random);
        }
        JsonNode hostile = values.hostile(schema, random);
        return roll < 6 ? Hostile.pick(random, Hostile.STRINGS) : hostile.isValueNode() ? hostile.asText() : hostile.toString();
    }

    private byte[] body(SpecOperation operation, String focus, SplittableRandom random, List<Map.Entry<String, String>> headers) {
        var media = operation.jsonBody();
        if (media.isEmpty()) {
            if (focus.equals(BODY_WHOLE)) {
                headers.add(Map.entry("Content-Type", Hostile.pick(random, Hostile.MEDIA_TYPES)));
                return bytes(Hostile.pick(random, Hostile.BODIES));
            }
            return null;
        }
        JsonNode valid = values.valid(media.get().getSchema(), random, 0);
        String contentType = focus.equals(MEDIA_TYPE) ? Hostile.pick(random, Hostile.MEDIA_TYPES) : "application/json";
        if (!contentType.isEmpty()) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        if (focus.equals(BODY_FIELDS)) {
            for (int i = random.nextInt(1, 4); i > 0; i--) {
                valid = mutate(valid, media.get().getSchema(), random);
            }
        }
        if (focus.equals(BODY_WHOLE)) {
            return bytes(switch (random.nextInt(4)) {
                case 0 -> Hostile.deepNesting(random);
                case 1 -> "{\"x\":\"" + Hostile.huge(random) + "\"}";
                default -> Hostile.pick(random, Hostile.BODIES);
            });
        }
        return bytes(valid.toString());
    }

    /** Replaces, removes or adds one field somewhere in the document. */
    private JsonNode mutate(JsonNode document, Schema<?> schema, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(document, containers);
        if (containers.isEmpty()) {
            return values.hostile(schema, random);
        }
        JsonNode container = Hostile.pick(random, containers);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int roll = random.nextInt(3);
            if (roll == 0 || names.isEmpty()) {
                object.set(Hostile.pick(random, List.of("unexpected", "id", "ownerId", "status", "", "__proto__")),
                        values.hostile(null, random));
            } else if (roll == 1) {
                object.remove(Hostile.pick(random, names));
            } else {
                String name = Hostile.pick(random, names);
                object.set(name, values.hostile(propertySchema(schema, name), random));
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(values.hostile(null, random));
            } else {
                array.set(random.nextInt(array.size()), values.hostile(null, random));
            }
        }
        return document;
    }

    private Schema<?> propertySchema(Schema<?> schema, String name) {
        Schema<?> resolved = values.resolve(schema);
        if (resolved == null || resolved.getProperties() == null) {
            return null;
        }
        return resolved.getProperties().get(name);
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                collectContainers(it.next(), into);
            }
        }
    }

    /** Header values go out as printable ASCII: the HTTP client refuses anything else before sending. */
    private static String headerSafe(String value, SplittableRandom random) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? value : Hostile.headerValue(random);
    }

    private static void replace(StringBuilder text, String token, String value) {
        int at = text.indexOf(token);
        if (at >= 0) {
            text.replace(at, at + token.length(), value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A well-mixed seed per case (SplitMix64's finaliser), so neighbouring cases are unrelated. */
    static long caseSeed(long runSeed, String operationId, int caseNumber) {
        long z = runSeed + 0x9E3779B97F4A7C15L * (operationId.hashCode() * 1_000_003L + caseNumber + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
