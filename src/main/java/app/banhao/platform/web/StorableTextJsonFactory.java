package app.banhao.platform.web;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * A JSON factory whose parsers refuse, at any depth, a string or a field name that is not
 * {@linkplain StorableText storable}. Checking the tokens as they are read covers every body type alike:
 * typed models, open {@code formData} maps and untyped values, which no per-type deserializer would.
 */
public final class StorableTextJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    StorableTextJsonFactory(JsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new StorableTextJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(in, ctxt));
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(r, ctxt));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
            throws IOException {
        return new Checked(super._createParser(data, offset, len, ctxt, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(data, offset, len, ctxt));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(input, ctxt));
    }

    private static final class Checked extends JsonParserDelegate {

        Checked(JsonParser parser) {
            super(parser);
        }

        // nextFieldName(), nextTextValue() and the like end in nextToken() for a delegate.
        @Override
        public JsonToken nextToken() throws IOException {
            return check(super.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return check(super.nextValue());
        }

        private JsonToken check(JsonToken token) throws IOException {
            if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && !StorableText.isStorable(getText())) {
                throw new UnstorableTextException(this, pathOf(getParsingContext()));
            }
            return token;
        }
    }

    /** {@code formData.name}, {@code items[2].code}: the same path notation as every other field error. */
    static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "$" : path;
    }

    /** A string the edge refuses; mapped to {@code INVALID_FIELD} with {@code INVALID_CHARACTER} on its path. */
    public static final class UnstorableTextException extends JsonProcessingException {

        private static final long serialVersionUID = 1L;
        private final String field;

        UnstorableTextException(JsonParser parser, String field) {
            super("Text with U+0000 or an unpaired surrogate at " + field, parser.currentLocation());
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
