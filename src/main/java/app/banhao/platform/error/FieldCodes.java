package app.banhao.platform.error;

import java.util.Collection;
import java.util.Map;

import jakarta.validation.ConstraintViolation;

/** The stable field code for a bean-validation violation, from the constraint that failed. */
final class FieldCodes {

    private FieldCodes() {
    }

    static FieldCode of(ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> FieldCode.REQUIRED;
            case "Size", "Length" -> sizeCode(violation);
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> FieldCode.TOO_SMALL;
            case "Max", "DecimalMax", "Negative", "NegativeOrZero" -> FieldCode.TOO_LARGE;
            case "Pattern", "Email", "Digits" -> FieldCode.INVALID_FORMAT;
            default -> FieldCode.INVALID;
        };
    }

    private static FieldCode sizeCode(ConstraintViolation<?> violation) {
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        int size = sizeOf(violation.getInvalidValue());
        return max instanceof Integer m && size > m ? FieldCode.TOO_LONG : FieldCode.TOO_SHORT;
    }

    private static int sizeOf(Object value) {
        if (value instanceof CharSequence s) {
            return s.length();
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return 0;
    }
}
