package app.banhao.platform.web;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A request's date-times as the contract's {@code format: date-time} means them (RFC 3339 §5.6): seconds and an
 * offset required. Jackson's own reader also takes {@code 2026-10-19T13:28Z}, which the contract forbids (the
 * fuzzer found it accepted); a refusal names the field as {@code INVALID_DATE_TIME}.
 */
final class Rfc3339DateTimes extends StdScalarDeserializer<OffsetDateTime> {

    private static final long serialVersionUID = 1L;
    private static final Pattern RFC_3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    Rfc3339DateTimes() {
        super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
        }
        String text = p.getText();
        if (RFC_3339.matcher(text).matches()) {
            try {
                return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException impossibleDate) {
                // e.g. 2026-02-30: well formed, no such instant
            }
        }
        throw new InvalidFormatException(p, "Not an RFC 3339 date-time", text, OffsetDateTime.class);
    }
}
