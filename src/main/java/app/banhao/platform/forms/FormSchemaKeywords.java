package app.banhao.platform.forms;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;

/**
 * The JSON Schema (draft 2020-12) dialect of service items' form schemas: the standard vocabulary plus Banhao's
 * {@value #PERSONAL} keyword, which marks a property as personal data (a name, an ID number, a phone, an
 * address). Such values are encrypted at rest (DESIGN.md §7). The keyword does not validate anything; it is
 * registered so the validator knows it instead of warning about an unknown keyword on every compile.
 */
public final class FormSchemaKeywords {

    public static final String PERSONAL = "x-personal";

    /** The one factory every form schema is compiled with, in the catalogue and in applications alike. */
    public static final JsonSchemaFactory FACTORY = JsonSchemaFactory
            .builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012()).keyword(new NonValidationKeyword(PERSONAL)).build())
            .build();

    private FormSchemaKeywords() {
    }

    /** The top-level properties {@code schema} marks {@code "x-personal": true}. */
    public static Set<String> personalFields(JsonNode schema) {
        Set<String> personal = new LinkedHashSet<>();
        schema.path("properties").properties().forEach(p -> {
            if (p.getValue().path(PERSONAL).asBoolean(false)) {
                personal.add(p.getKey());
            }
        });
        return personal;
    }

    /** The first property whose {@value #PERSONAL} is present but not a boolean, or null. */
    public static String misusedPersonal(JsonNode schema) {
        for (var p : schema.path("properties").properties()) {
            JsonNode mark = p.getValue().get(PERSONAL);
            if (mark != null && !mark.isBoolean()) {
                return p.getKey();
            }
        }
        return null;
    }
}
