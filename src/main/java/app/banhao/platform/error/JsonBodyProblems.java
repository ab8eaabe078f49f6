package app.banhao.platform.error;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import app.banhao.platform.web.ContractFields;
import app.banhao.platform.web.StorableTextJsonFactory;
import app.banhao.platform.web.StrictRequestJson;

/**
 * The problem for a request body Jackson or the strict request reader refused: malformed JSON with its line and
 * column, or the offending field by its JSON path and what was wrong with it.
 */
final class JsonBodyProblems {

    private JsonBodyProblems() {
    }

    static Response of(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Response edge = edgeProblem(e, headers, uri);
        if (edge != null) {
            return edge;
        }
        if (e instanceof JsonParseException parse) {
            var at = parse.getLocation();
            return Problems.forRequest(ErrorCode.MALFORMED_JSON,
                    List.of(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()),
                    List.of(), Map.of(), headers, uri);
        }
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping);
            if (field.isEmpty() && e instanceof MismatchedInputException && isEndOfInput(e)) {
                return Problems.forRequest(ErrorCode.MISSING_BODY, List.of(), List.of(), Map.of(), headers, uri);
            }
            if (field.isEmpty() && !(e instanceof InvalidFormatException)) {
                // The whole body has the wrong shape (e.g. an array where an object belongs).
                field = "$";
            }
            FieldError error = fieldError(field, mapping);
            return Problems.forRequest(ErrorCode.INVALID_FIELD, List.of(field), List.of(error), Map.of(), headers, uri);
        }
        return Problems.forRequest(ErrorCode.MALFORMED_JSON, List.of(0, 0), List.of(), Map.of(), headers, uri);
    }

    /**
     * What the strict request reader refuses beyond Jackson's own checks (see {@code StrictRequestJson}):
     * unstorable text, absent required and unknown closed-schema fields, bytes after the JSON value.
     */
    private static Response edgeProblem(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        // Jackson may wrap it on the way out of a deserializer; its own path is the one that counts.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorableTextJsonFactory.UnstorableTextException text) {
                return Problems.forRequest(ErrorCode.INVALID_FIELD, List.of(text.field()),
                        List.of(FieldError.of(text.field(), FieldCode.INVALID_CHARACTER)), Map.of(), headers, uri);
            }
        }
        if (e instanceof ContractFields.MissingFieldException missing) {
            String object = jsonPath(missing);
            List<FieldError> errors = missing.names().stream()
                    .map(name -> FieldError.of(object.isEmpty() ? name : object + "." + name, FieldCode.REQUIRED)).toList();
            return Problems.forRequest(ErrorCode.VALIDATION_FAILED, List.of(errors.size()), errors, Map.of(), headers, uri);
        }
        if (e instanceof ContractFields.UnknownFieldException unknown) {
            String field = jsonPath(unknown);
            return Problems.forRequest(ErrorCode.INVALID_FIELD, List.of(field),
                    List.of(FieldError.of(field, FieldCode.UNKNOWN_FIELD)), Map.of(), headers, uri);
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            var at = e.getLocation();
            return Problems.forRequest(ErrorCode.MALFORMED_JSON,
                    List.of(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()),
                    List.of(), Map.of(), headers, uri);
        }
        return null;
    }

    private static FieldError fieldError(String field, JsonMappingException e) {
        if (e instanceof StrictRequestJson.DuplicateItemsException) {
            return FieldError.of(field, FieldCode.DUPLICATE_ITEMS);
        }
        Class<?> target = targetType(e);
        Object value = e instanceof InvalidFormatException f ? f.getValue() : null;
        String shown = value == null ? "" : String.valueOf(value);
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return FieldError.of(field, FieldCode.INVALID_ENUM, shown, allowed);
        }
        if (target != null && value != null) {
            if (Number.class.isAssignableFrom(boxed(target))) {
                return FieldError.of(field, FieldCode.INVALID_NUMBER, shown);
            }
            if (target == java.time.LocalDate.class) {
                return FieldError.of(field, FieldCode.INVALID_DATE, shown);
            }
            if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
                return FieldError.of(field, FieldCode.INVALID_DATE_TIME, shown);
            }
            if (boxed(target) == Boolean.class) {
                return FieldError.of(field, FieldCode.INVALID_BOOLEAN, shown);
            }
        }
        return FieldError.of(field, FieldCode.INVALID_TYPE, "@type." + JsonTypes.nameOf(target));
    }

    private static Class<?> targetType(JsonMappingException e) {
        if (e instanceof MismatchedInputException m) {
            return m.getTargetType();
        }
        if (e instanceof ValueInstantiationException v && v.getType() != null) {
            return v.getType().getRawClass();
        }
        return null;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> Number.class;
        };
    }

    private static boolean isEndOfInput(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
    }

    /** {@code address.city}, {@code items[2].code}: the JSON path of the offending value. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
