package app.banhao.testing.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/** Values for a schema of the contract: plausible ones, and ones of the wrong type, size or form. */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    private final OpenAPI api;

    SchemaValues(OpenAPI api) {
        this.api = api;
    }

    Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        for (int hops = 0; s != null && s.get$ref() != null && hops < 10; hops++) {
            String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
            s = api.getComponents().getSchemas().get(name);
        }
        if (s != null && s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            return merged(s);
        }
        return s;
    }

    /** A value the schema describes (a best effort: patterns are not followed). */
    JsonNode valid(Schema<?> schema, SplittableRandom random, int depth) {
        Schema<?> s = resolve(schema);
        if (s == null) {
            return NODES.textNode("x");
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            Object value = s.getEnum().get(random.nextInt(s.getEnum().size()));
            return value instanceof Number n ? NODES.numberNode(new BigDecimal(n.toString())) : NODES.textNode(String.valueOf(value));
        }
        if (s.getOneOf() != null && !s.getOneOf().isEmpty()) {
            return valid(Hostile.pick(random, s.getOneOf()), random, depth);
        }
        if (s.getAnyOf() != null && !s.getAnyOf().isEmpty()) {
            return valid(Hostile.pick(random, s.getAnyOf()), random, depth);
        }
        String type = typeOf(s);
        return switch (type) {
            case "object" -> object(s, random, depth);
            case "array" -> array(s, random, depth);
            case "integer" -> NODES.numberNode(integerWithin(s, random));
            case "number" -> NODES.numberNode(integerWithin(s, random) + random.nextInt(100) / 100.0);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(string(s, random));
        };
    }

    /** A value of another JSON type than the schema's, or of the right type but outside every sane range. */
    JsonNode hostile(Schema<?> schema, SplittableRandom random) {
        Schema<?> s = resolve(schema);
        String type = s == null ? "string" : typeOf(s);
        int choice = random.nextInt(8);
        return switch (choice) {
            case 0 -> NODES.nullNode();
            case 1 -> wrongType(type, random);
            case 2 -> NODES.textNode(Hostile.huge(random));
            case 3 -> switch (type) {
                case "integer", "number" -> NODES.numberNode(Hostile.pick(random, List.of(
                        new BigDecimal("-1"), new BigDecimal("0"), new BigDecimal("-9223372036854775809"),
                        new BigDecimal("1e400"), new BigDecimal("-1e400"), new BigDecimal("0.0000000000000000000001"),
                        new BigDecimal(new BigInteger("9".repeat(60))), new BigDecimal("2147483648"))));
                case "array" -> array(s, random, MAX_DEPTH - 1, 2_000);
                default -> NODES.textNode(Hostile.pick(random, Hostile.STRINGS));
            };
            case 4 -> NODES.arrayNode().add(NODES.objectNode());
            case 5 -> NODES.objectNode().put("unexpected", Hostile.pick(random, Hostile.STRINGS));
            case 6 -> NODES.numberNode(random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
            default -> NODES.textNode(Hostile.pick(random, Hostile.STRINGS));
        };
    }

    /** A parameter value in text form: plausible for the schema. */
    String validText(Schema<?> schema, SplittableRandom random) {
        JsonNode value = valid(schema, random, 0);
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private JsonNode wrongType(String type, SplittableRandom random) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.textNode("text"), NODES.numberNode(42),
                NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(3.14)));
        others.removeIf(n -> typeOf(n).equals(type));
        return Hostile.pick(random, others);
    }

    private ObjectNode object(Schema<?> s, SplittableRandom random, int depth) {
        ObjectNode node = NODES.objectNode();
        if (s.getProperties() == null || depth > MAX_DEPTH) {
            return node;
        }
        List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
        for (Map.Entry<String, Schema> property : s.getProperties().entrySet()) {
            boolean readOnly = Boolean.TRUE.equals(resolveOrSelf(property.getValue()).getReadOnly());
            if (!readOnly && (required.contains(property.getKey()) || random.nextInt(3) > 0)) {
                node.set(property.getKey(), valid(property.getValue(), random, depth + 1));
            }
        }
        return node;
    }

    private ArrayNode array(Schema<?> s, SplittableRandom random, int depth) {
        int min = s.getMinItems() == null ? 0 : s.getMinItems();
        int max = s.getMaxItems() == null ? Math.max(min, 3) : Math.min(s.getMaxItems(), min + 3);
        return array(s, random, depth, min + random.nextInt(Math.max(1, max - min + 1)));
    }

    private ArrayNode array(Schema<?> s, SplittableRandom random, int depth, int size) {
        ArrayNode node = NODES.arrayNode();
        Schema<?> items = s.getItems() == null ? new Schema<>().type("string") : s.getItems();
        for (int i = 0; i < size && depth <= MAX_DEPTH; i++) {
            node.add(valid(items, random, depth + 1));
        }
        return node;
    }

    private static long integerWithin(Schema<?> s, SplittableRandom random) {
        long min = s.getMinimum() == null ? 0 : s.getMinimum().longValue();
        long max = s.getMaximum() == null ? min + 1000 : s.getMaximum().longValue();
        return max <= min ? min : min + random.nextLong(max - min + 1);
    }

    private static String string(Schema<?> s, SplittableRandom random) {
        String format = s.getFormat() == null ? "" : s.getFormat();
        return switch (format) {
            case "date" -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3_000)).toString();
            case "date-time" -> OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                    .plusSeconds(random.nextInt(30_000_000)).toString();
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "email" -> "user" + random.nextInt(10_000) + "@example.com";
            default -> {
                int min = s.getMinLength() == null ? 1 : s.getMinLength();
                int max = s.getMaxLength() == null ? Math.max(min, 12) : Math.min(s.getMaxLength(), min + 12);
                int length = min + random.nextInt(Math.max(1, max - min + 1));
                StringBuilder text = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                yield text.toString();
            }
        };
    }

    private Schema<?> resolveOrSelf(Schema<?> schema) {
        Schema<?> resolved = resolve(schema);
        return resolved == null ? schema : resolved;
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private Schema<?> merged(Schema<?> s) {
        Schema merged = new Schema<>().type("object");
        List<String> required = new ArrayList<>();
        for (Schema<?> part : s.getAllOf()) {
            Schema<?> r = resolve(part);
            if (r != null && r.getProperties() != null) {
                r.getProperties().forEach((k, v) -> merged.addProperty(k, v));
            }
            if (r != null && r.getRequired() != null) {
                required.addAll(r.getRequired());
            }
        }
        merged.setRequired(required);
        return merged;
    }

    static String typeOf(Schema<?> s) {
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null && !s.getTypes().isEmpty()) {
            return s.getTypes().iterator().next();
        }
        return s.getProperties() != null ? "object" : s.getItems() != null ? "array" : "string";
    }

    private static String typeOf(JsonNode n) {
        if (n.isTextual()) {
            return "string";
        }
        if (n.isIntegralNumber()) {
            return "integer";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return n.isArray() ? "array" : "object";
    }
}
