package app.banhao.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Holds request bodies to the fields their schema declares, where Jackson would not: a {@code required}
 * property that is absent is refused (the generated models start their maps and lists empty, so bean
 * validation's {@code @NotNull} never sees it missing, and {@code PATCH} with {@code {}} would wipe
 * {@code formData}), and an object whose schema says {@code additionalProperties: false} refuses fields
 * it does not have. The closed schemas are read from the contract the application serves.
 */
public final class ContractFields extends BeanDeserializerModifier {

    private static final String MODEL_PACKAGE = "app.banhao.api.model";

    /**
     * Read from the contract when the first request body is bound, not when the object mapper is made at start: it is
     * a parse of the whole contract, which a start does not need (issue 16).
     */
    private static final class Closed {
        static final Set<String> SCHEMAS = closedSchemas();
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
            JsonDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        if (type.getPackage() == null || !MODEL_PACKAGE.equals(type.getPackage().getName())) {
            return deserializer;
        }
        Set<String> known = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            known.add(property.getName());
            if (property.isRequired()) {
                required.add(property.getName());
            }
        }
        boolean closed = Closed.SCHEMAS.contains(schemaName(type));
        if (required.isEmpty() && !closed) {
            return deserializer;
        }
        return new Checked(deserializer, type, Set.copyOf(required), closed ? Set.copyOf(known) : null);
    }

    private static String schemaName(Class<?> type) {
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        return name != null && !name.value().isEmpty() ? name.value() : type.getSimpleName();
    }

    private static Set<String> closedSchemas() {
        try (InputStream in = ContractFields.class.getClassLoader().getResourceAsStream(ContractDocument.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ContractDocument.RESOURCE + " is missing from the application");
            }
            JsonNode schemas = new ObjectMapper(new YAMLFactory()).readTree(in).path("components").path("schemas");
            Set<String> closed = new HashSet<>();
            for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
                JsonNode additional = schema.getValue().get("additionalProperties");
                if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                    closed.add(schema.getKey());
                }
            }
            return Set.copyOf(closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the object once as a tree to see which fields came, then binds it as before. */
    private static final class Checked extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;
        private final Class<?> type;
        private final Set<String> required;
        /** Null when the schema is open. */
        private final Set<String> known;

        Checked(JsonDeserializer<?> delegate, Class<?> type, Set<String> required, Set<String> known) {
            super(delegate);
            this.type = type;
            this.required = required;
            this.known = known;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee, type, required, known);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            if (tree.isObject()) {
                if (known != null) {
                    for (var names = tree.fieldNames(); names.hasNext();) {
                        String name = names.next();
                        if (!known.contains(name)) {
                            throw fieldException(p, name, new UnknownFieldException(p, type, name));
                        }
                    }
                }
                List<String> missing = required.stream().filter(name -> !tree.has(name)).toList();
                if (!missing.isEmpty()) {
                    throw new MissingFieldException(p, type, missing);
                }
            }
            try (JsonParser fields = tree.traverse(p.getCodec())) {
                fields.nextToken();
                return _delegatee.deserialize(fields, ctxt);
            }
        }

        private MismatchedInputException fieldException(JsonParser p, String name, MismatchedInputException e) {
            e.prependPath(type, name);
            return e;
        }
    }

    /**
     * Fields the schema requires are absent: {@code REQUIRED} on each, a validation failure like every other
     * broken constraint. The exception's own path is that of the object they belong to.
     */
    public static final class MissingFieldException extends MismatchedInputException {

        private static final long serialVersionUID = 1L;
        private final List<String> names;

        MissingFieldException(JsonParser p, Class<?> type, List<String> names) {
            super(p, "Missing required properties " + names, type);
            this.names = List.copyOf(names);
        }

        public List<String> names() {
            return names;
        }
    }

    /** A field a closed schema does not have: {@code UNKNOWN_FIELD} on its path. */
    public static final class UnknownFieldException extends MismatchedInputException {

        private static final long serialVersionUID = 1L;

        UnknownFieldException(JsonParser p, Class<?> type, String name) {
            super(p, "Unknown property '" + name + "'", type);
        }
    }
}
