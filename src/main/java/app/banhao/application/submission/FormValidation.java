package app.banhao.application.submission;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;

import app.banhao.application.core.ApplicationErrors;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.forms.FormSchemaKeywords;

/**
 * Checks form data against the item's form schema (JSON Schema draft 2020-12) at submission: a 422 naming
 * each bad field as {@code formData.<path>}, in our own words (the library's messages name its internals).
 */
public final class FormValidation {

    private static final JsonSchemaFactory FACTORY = FormSchemaKeywords.FACTORY;
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * {@code format} checked, not merely noted: draft 2020-12 makes it an annotation by default, which let a
     * {@code "format": "date"} field (出生日期) through with "1990-13-45" or "17.05.1990". Built from the settings
     * the factory uses by default (the builder's own defaults differ: JSON-pointer paths instead of "$.a.b").
     */
    private static final SchemaValidatorsConfig CHECKED_FORMATS = SchemaValidatorsConfig.builder(new SchemaValidatorsConfig())
            .formatAssertionsEnabled(true).build();
    /** Keywords reported on the object that name the offending property: the error belongs on the property's path. */
    private static final Set<String> NAMES_A_PROPERTY = Set.of("required", "additionalProperties", "unevaluatedProperties");
    /** Compiled schemas by item code and catalogue version: a published change compiles anew. */
    private static final Cache<String, JsonSchema> COMPILED = Caffeine.newBuilder().maximumSize(2_000).build();

    private FormValidation() {
    }

    public static void requireValid(String itemCode, long itemVersion, String schema, String formData) {
        JsonNode data;
        try {
            data = JSON.readTree(formData);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored form data is not JSON", e);
        }
        List<FieldError> errors = validate(compiled(itemCode, itemVersion, schema), data);
        if (!errors.isEmpty()) {
            throw ApiException.fields(ApplicationErrors.FORM_DATA_INVALID, errors);
        }
    }

    /**
     * 一件事: the part of a merged form an item's schema has fields for (all of it when the schema names no
     * properties), so that each child's form holds what its own item asks for and nothing else.
     */
    public static Map<String, Object> fieldsOf(String schema, Map<String, Object> merged) {
        JsonNode properties;
        try {
            properties = JSON.readTree(schema).path("properties");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Form schema is not JSON", e);
        }
        if (!properties.isObject()) {
            return merged;
        }
        Map<String, Object> own = new java.util.LinkedHashMap<>();
        merged.forEach((name, value) -> {
            if (properties.has(name)) {
                own.put(name, value);
            }
        });
        return own;
    }

    static List<FieldError> validate(JsonSchema schema, JsonNode data) {
        Set<ValidationMessage> messages = schema.validate(data);
        return messages.stream()
                .map(m -> FieldError.of(field(m), code(m.getType())))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    private static JsonSchema compiled(String itemCode, long itemVersion, String schema) {
        return COMPILED.get(itemCode + "@" + itemVersion, k -> {
            try {
                return FACTORY.getSchema(JSON.readTree(schema), CHECKED_FORMATS);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Form schema of " + itemCode + " is not JSON", e);
            }
        });
    }

    private static String field(ValidationMessage m) {
        String location = m.getInstanceLocation().toString(); // "$", "$.phone", "$.items[0].name"
        String path = location.startsWith("$") ? location.substring(1) : location;
        if (m.getProperty() != null && NAMES_A_PROPERTY.contains(m.getType())) {
            path = path + "." + m.getProperty();
        }
        return "formData" + (path.isEmpty() || path.startsWith(".") || path.startsWith("[") ? path : "." + path);
    }

    private static FieldCode code(String keyword) {
        return switch (keyword == null ? "" : keyword) {
            case "required" -> FieldCode.REQUIRED;
            case "pattern", "format" -> FieldCode.INVALID_FORMAT;
            case "maxLength", "maxItems" -> FieldCode.TOO_LONG;
            case "minLength", "minItems" -> FieldCode.TOO_SHORT;
            case "minimum", "exclusiveMinimum" -> FieldCode.TOO_SMALL;
            case "maximum", "exclusiveMaximum" -> FieldCode.TOO_LARGE;
            case "enum", "const" -> FieldCode.NOT_ALLOWED;
            case "additionalProperties", "unevaluatedProperties" -> FieldCode.UNKNOWN_FIELD;
            default -> FieldCode.INVALID;
        };
    }
}
