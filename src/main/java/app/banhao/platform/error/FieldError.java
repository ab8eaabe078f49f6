package app.banhao.platform.error;

import java.util.List;

/**
 * One offending field. {@code args} fill the localised message ({@code field.<CODE>}); a non-null
 * {@code message} is used as is (bean-validation messages arrive already interpolated).
 */
public record FieldError(String field, FieldCode code, List<Object> args, String message) {

    public static FieldError of(String field, FieldCode code, Object... args) {
        return new FieldError(field, code, List.of(args), null);
    }

    public static FieldError withMessage(String field, FieldCode code, String message) {
        return new FieldError(field, code, List.of(), message);
    }
}
