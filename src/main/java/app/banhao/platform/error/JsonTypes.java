package app.banhao.platform.error;

import java.util.Collection;
import java.util.Map;

/** The JSON type name a Java target type stands for, to tell a caller what was expected. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String nameOf(Class<?> type) {
        if (type == null) {
            return "object";
        }
        if (type == String.class || type.isEnum() || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "object";
        }
        return "object";
    }
}
