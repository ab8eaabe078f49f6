package app.banhao.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme): the one encoding a certificate's signature covers, so any verifier that
 * canonicalises the same JSON gets the same bytes whatever its JSON library wrote. Through the erdtman library.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] of(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON that RFC 8785 can canonicalise", e);
        }
    }

    public static String text(String json) {
        return new String(of(json), StandardCharsets.UTF_8);
    }
}
