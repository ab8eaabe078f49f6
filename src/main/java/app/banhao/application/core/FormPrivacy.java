package app.banhao.application.core;

import java.io.IOException;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.forms.FormSchemaKeywords;

/**
 * Personal data in application forms (DESIGN.md §7, PIPL): the value of every field the item's form schema marks
 * {@code "x-personal": true} is kept in the {@code form_data} jsonb as {@code {"$enc": "<base64 SM4-GCM>"}}, the
 * same envelope as the resident's profile; other fields stay plain (readable for support and statistics).
 * Reading needs no schema: every sealed value opens, whatever the schema says today.
 */
@ApplicationScoped
public class FormPrivacy {

    static final String SEALED = "$enc";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DataProtection crypto;
    private final ObjectMapper json;
    private final Cache<String, Set<String>> personalBySchema = Caffeine.newBuilder().maximumSize(2_000).build();

    public FormPrivacy(DataProtection crypto, ObjectMapper json) {
        this.crypto = crypto;
        this.json = json;
    }

    /**
     * The personal fields of one form schema (JSON text), kept per schema text: every draft and submission asks, and
     * the answer changes only with the text (bounded as {@code FormValidation} bounds its compiled schemas).
     */
    public Set<String> personal(String schema) {
        return personalBySchema.get(schema, text -> {
            try {
                return Collections.unmodifiableSet(FormSchemaKeywords.personalFields(json.readTree(text)));
            } catch (IOException e) {
                throw new IllegalStateException("Form schema is not JSON", e);
            }
        });
    }

    /** 一件事: a merged form's personal fields are those of any of its items. */
    public Set<String> personal(Collection<String> schemas) {
        Set<String> all = new LinkedHashSet<>();
        schemas.forEach(s -> all.addAll(personal(s)));
        return all;
    }

    /**
     * The form as stored: {@code personal} fields sealed. A value shaped like a sealed one is refused (422 naming
     * it): it would otherwise be taken for ciphertext on reading.
     */
    /** {@code form} as stored for an application of an item with {@code schema}: the fields it marks personal sealed. */
    public String sealed(String schema, Map<String, Object> form) {
        return seal(form, personal(schema));
    }

    public String seal(Map<String, Object> form, Set<String> personal) {
        Map<String, Object> stored = new LinkedHashMap<>();
        (form == null ? Map.<String, Object>of() : form).forEach((name, value) -> {
            if (value instanceof Map<?, ?> m && m.containsKey(SEALED)) {
                throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("formData." + name, FieldCode.NOT_ALLOWED));
            }
            stored.put(name, value != null && personal.contains(name)
                    ? Map.of(SEALED, Base64.getEncoder().encodeToString(crypto.encrypt(write(value))))
                    : value);
        });
        return write(stored);
    }

    /**
     * {@code stored} (whose opened values are {@code form}) as it must be stored for an application of an item with
     * {@code schema}: the same text when each field the schema marks personal is sealed in it already (or empty), so a
     * submission does not decrypt and encrypt again what its draft sealed; otherwise sealed anew, as {@link #sealed}.
     * A field sealed in the draft and no longer marked personal stays sealed (every sealed value opens on reading).
     */
    public String sealedAgain(String stored, String schema, Map<String, Object> form) {
        Set<String> personal = personal(schema);
        Map<String, Object> raw = read(stored);
        for (String name : personal) {
            Object value = raw == null ? null : raw.get(name);
            if (value != null && !(value instanceof Map<?, ?> m && m.size() == 1 && m.get(SEALED) instanceof String)) {
                return seal(form, personal);
            }
        }
        return stored;
    }

    /** The form as its owner typed it. */
    public Map<String, Object> open(String stored) {
        Map<String, Object> form = read(stored);
        if (form == null) {
            return new LinkedHashMap<>();
        }
        form.replaceAll((name, value) -> value instanceof Map<?, ?> m && m.size() == 1 && m.get(SEALED) instanceof String sealed
                ? readValue(crypto.decrypt(Base64.getDecoder().decode(sealed)))
                : value);
        return form;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable as JSON", e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored form data is not a JSON object", e);
        }
    }

    private Object readValue(String text) {
        try {
            return json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A sealed form value is not JSON", e);
        }
    }
}
