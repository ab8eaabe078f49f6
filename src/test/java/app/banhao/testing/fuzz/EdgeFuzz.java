package app.banhao.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.banhao.testing.contract.SpecOperation;

/**
 * The request shapes an outside fuzzer found that the schema-driven cases missed (issue 10, points 25 and
 * 28): text no column can store (U+0000, unpaired surrogates) in a body string at any depth or in a
 * parameter, a body without a {@code Content-Type}, bytes after the JSON value, an unknown field, and a
 * matrix parameter in the path. Each turns a plausible request of the operation into one such request.
 */
final class EdgeFuzz {

    static final String UNSTORABLE_TEXT = "unstorable text";
    static final String NO_CONTENT_TYPE = "no content type";
    static final String TRAILING_BYTES = "trailing bytes";
    static final String UNKNOWN_FIELD = "unknown field";
    static final String MATRIX_PARAMETER = "matrix parameter";

    /** Written with every non-ASCII character escaped, so that an unpaired surrogate survives as {@code \ud800}. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> UNSTORABLE = List.of("\u0000x", "a\u0000b", "\uD800", "x\uDC00y", "\uD83D", "名\u0000");
    // Never a NUL alone as a whole value: as a path segment the contract validator then matches the request to the
    // parent path and reports the (documented) 400 as undocumented; a NUL beside other characters tests the same refusal.
    private static final List<String> UNSTORABLE_ESCAPED = List.of("x%00", "a%00b", "%E5%90%8D%00");
    private static final List<String> TRAILING = List.of(" {}", "garbage", "\u0000", " []", "}", ",", " \"x\"", "\n1");

    private EdgeFuzz() {
    }

    static List<String> foci(SpecOperation operation) {
        List<String> foci = new ArrayList<>(List.of(UNSTORABLE_TEXT, MATRIX_PARAMETER));
        if (operation.jsonBody().isPresent()) {
            foci.addAll(List.of(UNSTORABLE_TEXT, NO_CONTENT_TYPE, TRAILING_BYTES, UNKNOWN_FIELD));
        }
        return foci;
    }

    static boolean owns(String focus) {
        return List.of(UNSTORABLE_TEXT, NO_CONTENT_TYPE, TRAILING_BYTES, UNKNOWN_FIELD, MATRIX_PARAMETER).contains(focus);
    }

    /** {@code plausible}, attacked as {@code focus} says. */
    static FuzzRequest apply(String focus, FuzzRequest plausible, SplittableRandom random) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(plausible.headers());
        String target = plausible.pathAndQuery();
        byte[] body = plausible.body();
        switch (focus) {
            case UNSTORABLE_TEXT -> {
                if (body != null && random.nextInt(3) > 0) {
                    body = withUnstorableString(body, random);
                } else {
                    target = withUnstorableParameter(target, random);
                }
            }
            case NO_CONTENT_TYPE -> headers.removeIf(h -> h.getKey().equalsIgnoreCase("Content-Type"));
            case TRAILING_BYTES -> body = concat(body, Hostile.pick(random, TRAILING));
            case UNKNOWN_FIELD -> body = withUnknownField(body, random);
            case MATRIX_PARAMETER -> target = withMatrixParameter(target, random);
            default -> throw new IllegalArgumentException(focus);
        }
        return new FuzzRequest(plausible.operationId(), plausible.caseNumber(), focus, plausible.caller(), plausible.method(),
                target, List.copyOf(headers), body);
    }

    private static byte[] withUnstorableString(byte[] body, SplittableRandom random) {
        try {
            JsonNode document = JSON.readTree(body);
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(document, objects);
            if (objects.isEmpty()) {
                return body;
            }
            ObjectNode target = Hostile.pick(random, objects);
            List<String> textual = new ArrayList<>();
            target.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual()) {
                    textual.add(f.getKey());
                }
            });
            String value = Hostile.pick(random, UNSTORABLE);
            if (textual.isEmpty() || random.nextInt(5) == 0) {
                // The name itself, or a new field, carries it.
                target.put(random.nextBoolean() ? "note" + value : "note", value);
            } else {
                String name = Hostile.pick(random, textual);
                target.put(name, target.get(name).asText() + value);
            }
            return ESCAPING.writeValueAsBytes(document);
        } catch (java.io.IOException notJson) {
            return body;
        }
    }

    private static byte[] withUnknownField(byte[] body, SplittableRandom random) {
        try {
            JsonNode document = body == null ? JSON.createObjectNode() : JSON.readTree(body);
            if (document instanceof ObjectNode object) {
                object.put(Hostile.pick(random, List.of("debug", "isAdmin", "ownerId", "extra")), random.nextInt(100));
            }
            return JSON.writeValueAsBytes(document);
        } catch (java.io.IOException notJson) {
            return body;
        }
    }

    private static String withUnstorableParameter(String target, SplittableRandom random) {
        String bad = Hostile.pick(random, UNSTORABLE_ESCAPED);
        int query = target.indexOf('?');
        if (query >= 0) {
            int eq = target.indexOf('=', query);
            if (eq > 0) {
                return target.substring(0, eq + 1) + bad + target.substring(eq + 1);
            }
        }
        // The last path segment (an id, a code) or, without one, a query parameter of its own.
        int slash = target.lastIndexOf('/', query < 0 ? target.length() : query);
        String path = query < 0 ? target : target.substring(0, query);
        if (path.matches(".*/[^/]*[0-9A-Z][^/]*$")) {
            return path.substring(0, slash + 1) + bad + path.substring(slash + 1) + (query < 0 ? "" : target.substring(query));
        }
        return target + (query < 0 ? "?" : "&") + "q=" + bad;
    }

    private static String withMatrixParameter(String target, SplittableRandom random) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String matrix = Hostile.pick(random, List.of(";jsessionid=0123456789ABCDEF", ";a=b", ";", ";v=1;w=2"));
        int cut = random.nextBoolean() ? path.length() : Math.max(path.indexOf('/', 1), 1);
        return path.substring(0, cut) + matrix + path.substring(cut) + (query < 0 ? "" : target.substring(query));
    }

    private static byte[] concat(byte[] body, String trailing) {
        byte[] head = body == null ? "{}".getBytes(StandardCharsets.UTF_8) : body;
        byte[] tail = trailing.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            collectObjects(it.next(), into);
        }
    }
}
