package app.banhao.application.submission;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import app.banhao.application.core.ApplicationErrors;
import app.banhao.application.submission.FormValidation;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;

/**
 * Form data against an item's form schema, without Quarkus: what each kind of mistake is called, the field path it
 * is reported on ({@code formData.<path>}), and the part of a bundle's merged form each item keeps.
 */
class FormValidationTest {

    private static final String SCHEMA = """
            {"type": "object",
             "required": ["applicantName", "phone", "birthDate"],
             "additionalProperties": false,
             "properties": {
               "applicantName": {"type": "string", "minLength": 2, "maxLength": 10, "x-personal": true},
               "phone": {"type": "string", "pattern": "^1[3-9][0-9]{9}$"},
               "birthDate": {"type": "string", "format": "date"},
               "employees": {"type": "integer", "minimum": 1, "maximum": 500},
               "kind": {"enum": ["个体", "企业"]},
               "agreed": {"const": true},
               "address": {"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}},
               "children": {"type": "array", "minItems": 1, "maxItems": 2,
                            "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}
             }}
            """;

    private static final String VALID = "{\"applicantName\": \"张三\", \"phone\": \"13800138000\", \"birthDate\": \"1990-05-17\"";

    /** Compiled schemas are cached by item code and version: each check here gets its own item. */
    private static final AtomicInteger ITEMS = new AtomicInteger();

    /** The field errors of {@code data} (a JSON object's members after the valid ones) against {@link #SCHEMA}. */
    private static List<FieldError> errors(String extraMembers) {
        return errors(SCHEMA, VALID + (extraMembers.isEmpty() ? "" : ", " + extraMembers) + "}");
    }

    private static List<FieldError> errors(String schema, String data) {
        try {
            FormValidation.requireValid("TEST-" + ITEMS.incrementAndGet(), 1, schema, data);
            return List.of();
        } catch (ApiException e) {
            assertEquals(ApplicationErrors.FORM_DATA_INVALID, e.code());
            assertEquals(422, e.code().status());
            assertEquals(List.of(e.fieldErrors().size()), e.detailArgs(), "the detail counts the bad fields");
            return e.fieldErrors();
        }
    }

    /** The field errors of a form holding just the three required fields, with these texts. */
    private static List<FieldError> errorsOf(String applicantName, String phone, String birthDate) {
        return errors(SCHEMA, "{\"applicantName\": \"" + applicantName + "\", \"phone\": \"" + phone + "\", \"birthDate\": \"" + birthDate
                + "\"}");
    }

    private static FieldError error(String field, FieldCode code) {
        return FieldError.of(field, code);
    }

    @Test
    void aValidFormPasses() {
        // SCHEMA marks applicantName x-personal: our keyword, which validates nothing
        assertEquals(List.of(), errors(""));
        assertEquals(List.of(), errors("\"employees\": 12, \"kind\": \"企业\", \"agreed\": true, \"address\": {\"city\": \"长沙\"}, "
                + "\"children\": [{\"name\": \"小明\"}]"));
    }

    @Test
    void everyMissingRequiredFieldIsNamedInPathOrder() {
        assertEquals(List.of(error("formData.applicantName", FieldCode.REQUIRED), error("formData.birthDate", FieldCode.REQUIRED),
                error("formData.phone", FieldCode.REQUIRED)), errors(SCHEMA, "{}"));
        assertEquals(List.of(error("formData.phone", FieldCode.REQUIRED)),
                errors(SCHEMA, "{\"applicantName\": \"张三\", \"birthDate\": \"1990-05-17\"}"));
    }

    @Test
    void formatsAndPatterns() {
        assertEquals(List.of(error("formData.phone", FieldCode.INVALID_FORMAT)), errorsOf("张三", "12", "1990-05-17"));
        assertEquals(List.of(error("formData.birthDate", FieldCode.INVALID_FORMAT)), errorsOf("张三", "13800138000", "1990-13-45"));
        assertEquals(List.of(error("formData.birthDate", FieldCode.INVALID_FORMAT)), errorsOf("张三", "13800138000", "17.05.1990"));
    }

    @Test
    void lengthsAndBounds() {
        assertEquals(List.of(error("formData.applicantName", FieldCode.TOO_SHORT)), errorsOf("张", "13800138000", "1990-05-17"));
        assertEquals(List.of(error("formData.applicantName", FieldCode.TOO_LONG)), errorsOf("张三张三张三张三张三张", "13800138000", "1990-05-17"));
        assertEquals(List.of(error("formData.employees", FieldCode.TOO_SMALL)), errors("\"employees\": 0"));
        assertEquals(List.of(error("formData.employees", FieldCode.TOO_LARGE)), errors("\"employees\": 501"));
        assertEquals(List.of(), errors("\"employees\": 500"));
        assertEquals(List.of(error("formData.children", FieldCode.TOO_SHORT)), errors("\"children\": []"));
        assertEquals(List.of(error("formData.children", FieldCode.TOO_LONG)),
                errors("\"children\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}]"));
    }

    @Test
    void wrongTypesAreInvalid() {
        assertEquals(List.of(error("formData.employees", FieldCode.INVALID)), errors("\"employees\": \"12\""));
        assertEquals(List.of(error("formData.employees", FieldCode.INVALID)), errors("\"employees\": 1.5"));
        assertEquals(List.of(error("formData.applicantName", FieldCode.INVALID)),
                errors(SCHEMA, "{\"applicantName\": 42, \"phone\": \"13800138000\", \"birthDate\": \"1990-05-17\"}"));
        assertEquals(List.of(error("formData.address", FieldCode.INVALID)), errors("\"address\": \"长沙\""));
        // form data that is no object at all is named as a whole
        assertEquals(List.of(error("formData", FieldCode.INVALID)), errors(SCHEMA, "[1, 2]"));
    }

    @Test
    void valuesOutsideTheAllowedOnesAreNotAllowed() {
        assertEquals(List.of(error("formData.kind", FieldCode.NOT_ALLOWED)), errors("\"kind\": \"其他\""));
        assertEquals(List.of(error("formData.agreed", FieldCode.NOT_ALLOWED)), errors("\"agreed\": false"));
    }

    @Test
    void aFieldTheFormDoesNotHaveIsAnUnknownFieldOnItsOwnPath() {
        assertEquals(List.of(error("formData.extra", FieldCode.UNKNOWN_FIELD)), errors("\"extra\": 1"));
        assertEquals(List.of(error("formData.another", FieldCode.UNKNOWN_FIELD), error("formData.extra", FieldCode.UNKNOWN_FIELD)),
                errors("\"extra\": 1, \"another\": \"x\""));
        // closed by unevaluatedProperties (2020-12) rather than additionalProperties: the same answer
        String closed = """
                {"type": "object", "properties": {"name": {"type": "string"}}, "unevaluatedProperties": false}
                """;
        assertEquals(List.of(error("formData.extra", FieldCode.UNKNOWN_FIELD)), errors(closed, "{\"name\": \"a\", \"extra\": 1}"));
    }

    @Test
    void nestedFieldsAreNamedByTheirPath() {
        assertEquals(List.of(error("formData.address.city", FieldCode.REQUIRED)), errors("\"address\": {}"));
        assertEquals(List.of(error("formData.address.city", FieldCode.INVALID)), errors("\"address\": {\"city\": 5}"));
        assertEquals(List.of(error("formData.children[1].name", FieldCode.REQUIRED)),
                errors("\"children\": [{\"name\": \"a\"}, {}]"));
        assertEquals(List.of(error("formData.children[0].name", FieldCode.INVALID)), errors("\"children\": [{\"name\": 1}]"));
    }

    @Test
    void manyMistakesAreEachNamedOnceSortedByField() {
        List<FieldError> found = errors(SCHEMA,
                "{\"phone\": \"12\", \"employees\": 0, \"kind\": \"其他\", \"extra\": true, \"children\": [{}]}");
        assertEquals(List.of(error("formData.applicantName", FieldCode.REQUIRED), error("formData.birthDate", FieldCode.REQUIRED),
                error("formData.children[0].name", FieldCode.REQUIRED), error("formData.employees", FieldCode.TOO_SMALL),
                error("formData.extra", FieldCode.UNKNOWN_FIELD), error("formData.kind", FieldCode.NOT_ALLOWED),
                error("formData.phone", FieldCode.INVALID_FORMAT)), found);
    }

    @Test
    void aNewVersionOfTheItemIsCheckedAgainstItsNewSchema() {
        String needsA = "{\"type\": \"object\", \"required\": [\"a\"]}";
        String needsB = "{\"type\": \"object\", \"required\": [\"b\"]}";
        assertThrows(ApiException.class, () -> FormValidation.requireValid("TEST-versioned", 1, needsA, "{\"b\": 1}"));
        assertDoesNotThrow(() -> FormValidation.requireValid("TEST-versioned", 2, needsB, "{\"b\": 1}"));
        ApiException e = assertThrows(ApiException.class, () -> FormValidation.requireValid("TEST-versioned", 2, needsB, "{\"a\": 1}"));
        assertEquals(List.of(error("formData.b", FieldCode.REQUIRED)), e.fieldErrors());
    }

    @Test
    void storedTextThatIsNoJsonIsAServerFaultNotARefusal() {
        assertThrows(IllegalStateException.class, () -> FormValidation.requireValid("TEST-bad-data", 1, SCHEMA, "{not json"));
        assertThrows(IllegalStateException.class, () -> FormValidation.requireValid("TEST-bad-schema", 1, "{not json", "{}"));
        assertThrows(IllegalStateException.class, () -> FormValidation.fieldsOf("{not json", Map.of()));
    }

    @Test
    void fieldsOfKeepsWhatTheItemsSchemaNamesInTheMergedOrder() {
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("phone", "13800138000");
        merged.put("onlyOnTheMergedForm", "x");
        merged.put("applicantName", "张三");
        merged.put("address", Map.of("city", "长沙"));
        Map<String, Object> own = FormValidation.fieldsOf(SCHEMA, merged);
        assertEquals(List.of("phone", "applicantName", "address"), List.copyOf(own.keySet()));
        assertEquals(Map.of("phone", "13800138000", "applicantName", "张三", "address", Map.of("city", "长沙")), own);
        // a field the schema has but the merged form lacks stays absent (required fields are checked at submission)
        assertEquals(Map.of(), FormValidation.fieldsOf(SCHEMA, Map.of("unrelated", 1)));
    }

    @Test
    void fieldsOfKeepsEverythingWhenTheSchemaNamesNoProperties() {
        Map<String, Object> merged = Map.of("a", 1, "b", "two");
        assertEquals(merged, FormValidation.fieldsOf("{}", merged));
        assertEquals(merged, FormValidation.fieldsOf("{\"type\": \"object\"}", merged));
        // an empty properties object names no field: nothing is kept
        assertEquals(Map.of(), FormValidation.fieldsOf("{\"type\": \"object\", \"properties\": {}}", merged));
    }
}
