package app.banhao.catalog;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.forms.FormSchemaKeywords;

/**
 * Checks an item's form schema before it is published: applications are validated against it, so one
 * that is not a JSON Schema (draft 2020-12) of an object would break every application of the item.
 */
final class FormSchemas {

    private static final JsonSchemaFactory FACTORY = FormSchemaKeywords.FACTORY;
    private static final JsonSchema META = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormSchemas() {
    }

    /** Throws a 422 naming {@code field} when {@code schema} is not a usable form schema. */
    static void requireValid(String field, Map<String, Object> schema) {
        JsonNode node = JSON.valueToTree(schema);
        Set<ValidationMessage> problems = META.validate(node);
        String problem = problems.isEmpty() ? null
                : problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
        if (problem == null && !"object".equals(node.path("type").asText())) {
            problem = "type must be \"object\"";
        }
        String misused = problem == null ? FormSchemaKeywords.misusedPersonal(node) : null;
        if (misused != null) {
            problem = FormSchemaKeywords.PERSONAL + " of property \"" + misused + "\" must be true or false";
        }
        if (problem == null) {
            try {
                FACTORY.getSchema(node).validate(JSON.createObjectNode());
            } catch (RuntimeException unusable) {
                // The library's message names its own classes (e.g. a regex exception): not for the caller.
                problem = "the schema cannot be compiled (for example an invalid pattern)";
            }
        }
        if (problem != null) {
            throw ApiException.field(CatalogErrors.INVALID_FORM_SCHEMA,
                    FieldError.withMessage(field, FieldCode.INVALID, problem));
        }
    }
}
