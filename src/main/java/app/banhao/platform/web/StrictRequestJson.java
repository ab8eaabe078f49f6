package app.banhao.platform.web;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as the contract writes them, not as Jackson would forgive them: an explicit
 * {@code null} where the contract has no nullable field, a number where a string belongs (or the
 * reverse), and duplicates in a {@code uniqueItems} array (generated as a {@code Set}, which would
 * silently collapse them) are each a 400 naming the field; so are text no column can store (U+0000, unpaired
 * surrogates: {@link StorableTextJsonFactory}), an absent required field and an unknown field of a closed
 * schema ({@link ContractFields}). Bytes after the JSON value make the body malformed. Responses are
 * written as before.
 *
 * <p>Open JSON objects ({@code formData}, form schemas: {@code Map}s and untyped values) keep their
 * nulls: there the contract allows any JSON value.
 */
@Provider
public class StrictRequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictRequestJson(ObjectMapper json) {
        this.strict = strict(json);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    static ObjectMapper strict(ObjectMapper json) {
        ObjectMapper mapper = json.copyWith(new StorableTextJsonFactory(json.getFactory(), null));
        // One JSON value is the body; what follows it is not ignored but malformed.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL));
        mapper.configOverride(java.util.Map.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.SET));
        mapper.configOverride(Object.class).setSetterInfo(JsonSetter.Value.construct(Nulls.SET, Nulls.SET));
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("banhao-unique-items").setDeserializerModifier(new UniqueItems()));
        mapper.registerModule(new SimpleModule("banhao-contract-fields").setDeserializerModifier(new ContractFields()));
        mapper.registerModule(new SimpleModule("banhao-rfc3339").addDeserializer(java.time.OffsetDateTime.class,
                new Rfc3339DateTimes()));
        return mapper;
    }

    /** Reads a {@code Set} as the list it was sent as, and refuses it when an element repeats. */
    private static final class UniqueItems extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            if (!Set.class.isAssignableFrom(type.getRawClass())) {
                return deserializer;
            }
            JavaType asList = config.getTypeFactory().constructCollectionType(List.class, type.getContentType());
            return new JsonDeserializer<Set<Object>>() {
                @Override
                public Set<Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    List<Object> sent = ctxt.readValue(p, asList);
                    Set<Object> unique = new LinkedHashSet<>(sent);
                    if (unique.size() != sent.size()) {
                        throw new DuplicateItemsException(p, sent);
                    }
                    return unique;
                }
            };
        }
    }

    /** The field's array repeats an element; mapped to {@code DUPLICATE_ITEMS} on that field. */
    public static final class DuplicateItemsException extends InvalidFormatException {

        private static final long serialVersionUID = 1L;

        DuplicateItemsException(JsonParser p, Object value) {
            super(p, "Array must not contain duplicate elements", value, Set.class);
        }
    }
}
