package app.banhao.platform.error;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import app.banhao.platform.web.WireNames;

/**
 * Converts typed request parameters itself so that a malformed one is a 400 problem naming the
 * parameter and what was wrong, instead of the 404 JAX-RS prescribes for bad query and path values.
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        // Null on resources that implement a generated interface: the REST layer hands converters the
        // implementing method's (unannotated) parameters. The problem mapper then finds the name from the
        // request itself (ParameterNames).
        String name = WireNames.of(annotations);
        Function<String, ?> parse;
        FieldCode code;
        if (rawType == Integer.class || rawType == int.class) {
            parse = Integer::valueOf;
            code = FieldCode.INVALID_NUMBER;
        } else if (rawType == Long.class || rawType == long.class) {
            parse = Long::valueOf;
            code = FieldCode.INVALID_NUMBER;
        } else if (rawType == Double.class || rawType == double.class) {
            parse = Double::valueOf;
            code = FieldCode.INVALID_NUMBER;
        } else if (rawType == BigDecimal.class) {
            parse = BigDecimal::new;
            code = FieldCode.INVALID_NUMBER;
        } else if (rawType == Boolean.class || rawType == boolean.class) {
            parse = StrictParamConverters::parseBoolean;
            code = FieldCode.INVALID_BOOLEAN;
        } else if (rawType == LocalDate.class) {
            parse = LocalDate::parse;
            code = FieldCode.INVALID_DATE;
        } else if (rawType == OffsetDateTime.class) {
            parse = OffsetDateTime::parse;
            code = FieldCode.INVALID_DATE_TIME;
        } else if (rawType.isEnum()) {
            return (ParamConverter<T>) enumConverter((Class<? extends Enum<?>>) rawType, name);
        } else {
            return null;
        }
        return (ParamConverter<T>) new Strict<>(name, code, parse);
    }

    private record Strict<T>(String name, FieldCode code, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new InvalidParameterException(FieldError.of(name, code, value));
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }

    private static <E extends Enum<?>> ParamConverter<E> enumConverter(Class<E> type, String name) {
        E[] constants = type.getEnumConstants();
        // Generated enums carry their wire value in toString(); fromValue is not needed to match it.
        String allowed = Arrays.stream(constants).map(String::valueOf).collect(Collectors.joining(", "));
        return new Strict<>(name, FieldCode.INVALID_ENUM, value -> {
            for (E constant : constants) {
                if (constant.toString().equals(value) || constant.name().equals(value)) {
                    return constant;
                }
            }
            throw new InvalidParameterException(FieldError.of(name, FieldCode.INVALID_ENUM, value, allowed));
        });
    }

    private static Boolean parseBoolean(String value) {
        // Exactly the contract's literals: "TRUE", "1" or "yes" would be guesses.
        if ("true".equals(value)) {
            return Boolean.TRUE;
        }
        if ("false".equals(value)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(value);
    }
}
