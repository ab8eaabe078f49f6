package app.banhao.application.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.platform.crypto.DataProtection;

/** A submission seals its form under the item's schema of the day without sealing again what the draft sealed. */
class FormPrivacyTest {

    private static final String NAME_PERSONAL = """
            {"type": "object", "properties": {"name": {"type": "string", "x-personal": true}, "shop": {"type": "string"}}}""";
    private static final String BOTH_PERSONAL = """
            {"type": "object", "properties": {"name": {"type": "string", "x-personal": true},
             "shop": {"type": "string", "x-personal": true}}}""";

    private final ObjectMapper json = new ObjectMapper();
    private final FormPrivacy privacy = new FormPrivacy(new DataProtection(key(16), key(32), (byte) 1), json);

    private static String key(int bytes) {
        byte[] k = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            k[i] = (byte) (i * 7 + bytes);
        }
        return Base64.getEncoder().encodeToString(k);
    }

    private static Map<String, Object> form(Object name, Object shop) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("shop", shop);
        return form;
    }

    @Test
    void aDraftWhosePersonalFieldsAreSealedKeepsItsStoredText() {
        Map<String, Object> form = form("张三", "示例宾馆");
        String stored = privacy.sealed(NAME_PERSONAL, form);
        assertSame(stored, privacy.sealedAgain(stored, NAME_PERSONAL, privacy.open(stored)));
        // Sealing is randomised: sealing again would have given another text.
        assertNotEquals(stored, privacy.sealed(NAME_PERSONAL, form));
    }

    @Test
    void aFieldMarkedPersonalSinceTheDraftIsSealedNow() throws Exception {
        Map<String, Object> form = form("张三", "示例宾馆");
        String stored = privacy.sealed(NAME_PERSONAL, form);
        String submitted = privacy.sealedAgain(stored, BOTH_PERSONAL, privacy.open(stored));
        JsonNode tree = json.readTree(submitted);
        assertTrue(tree.path("shop").has(FormPrivacy.SEALED), submitted);
        assertTrue(tree.path("name").has(FormPrivacy.SEALED), submitted);
        assertFalse(submitted.contains("示例宾馆"), submitted);
        assertEquals(form, privacy.open(submitted));
    }

    @Test
    void anEmptyPersonalFieldNeedsNoSealing() {
        Map<String, Object> form = form(null, "示例宾馆");
        String stored = privacy.sealed(NAME_PERSONAL, form);
        assertSame(stored, privacy.sealedAgain(stored, NAME_PERSONAL, privacy.open(stored)));
        String withoutName = privacy.sealed(NAME_PERSONAL, Map.of("shop", "示例宾馆"));
        assertSame(withoutName, privacy.sealedAgain(withoutName, NAME_PERSONAL, privacy.open(withoutName)));
    }

    @Test
    void eachSchemaHasItsOwnPersonalFields() {
        assertEquals(Set.of("name"), privacy.personal(NAME_PERSONAL));
        assertEquals(Set.of("name", "shop"), privacy.personal(BOTH_PERSONAL));
        assertSame(privacy.personal(NAME_PERSONAL), privacy.personal(NAME_PERSONAL));
    }
}
