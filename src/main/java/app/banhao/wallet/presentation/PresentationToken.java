package app.banhao.wallet.presentation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.platform.crypto.Digests;
import app.banhao.wallet.IssuerKeys;

/**
 * The token of a presentation: {@code BHP1.<base64url(payload JSON)>.<base64url(SM2 signature)>}, the signature the
 * service's presentation key's SM3withSM2 over the ASCII of everything before the last dot (as JWS does: the bytes sent
 * are the bytes signed, no canonical form needed for this layer). The payload:
 *
 * <pre>{@code
 * {"typ":"banhao-presentation/1", "pid":<presentation id>, "kid":<service key id>, "iat":<epoch s>, "exp":<epoch s>,
 *  "once":<single use>, "sd":<the issuer's signed digest document>, "sdSig":<base64url issuer signature over RFC 8785 of sd>,
 *  "disclosures":[[salt, label, value], ...]}
 * }</pre>
 *
 * README "亮证" spells out the checks. Parsing refuses anything else as {@link Malformed}.
 */
record PresentationToken(UUID presentationId, String keyId, long issuedAt, long expiresAt, boolean singleUse,
        Map<String, Object> sd, byte[] sdSignature, List<List<String>> disclosures) {

    static final String PREFIX = "BHP1";
    static final String TYPE = "banhao-presentation/1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** Not a presentation token: bad shape, bad encoding, a field missing or of the wrong type. */
    static final class Malformed extends Exception {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /** A token as read: the payload, the bytes its signature covers and the signature. */
    record Read(PresentationToken token, byte[] signed, byte[] signature) {

        /**
         * {@link PresentationToken#digest(String)} of the token as issued: the signature re-encoded the way it was
         * written, so padding or spaces a scanner added do not make a genuine token unrecognisable.
         */
        byte[] digest() {
            return PresentationToken.digest(new String(signed, StandardCharsets.US_ASCII) + "." + B64.encodeToString(signature));
        }
    }

    /** The SHA-256 of a token's text, kept with its presentation: how the server recognises a token it issued. */
    static byte[] digest(String token) {
        return Digests.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The token, signed with {@code signer}. */
    String sign(IssuerKeys.Signer signer, ObjectMapper json) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("typ", TYPE);
        payload.put("pid", presentationId.toString());
        payload.put("kid", keyId);
        payload.put("iat", issuedAt);
        payload.put("exp", expiresAt);
        payload.put("once", singleUse);
        payload.put("sd", sd);
        payload.put("sdSig", B64.encodeToString(sdSignature));
        payload.put("disclosures", disclosures);
        try {
            String signed = PREFIX + "." + B64.encodeToString(json.writeValueAsBytes(payload));
            return signed + "." + B64.encodeToString(signer.sign(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Read read(String text, ObjectMapper json) throws Malformed {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new Malformed("not BHP1.<payload>.<signature>");
        }
        try {
            JsonNode p = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (p == null || !p.isObject() || !TYPE.equals(p.path("typ").asText()) || !p.path("sd").isObject()
                    || !p.path("iat").canConvertToLong() || !p.path("exp").canConvertToLong() || !p.path("once").isBoolean()
                    || !p.path("pid").isTextual() || !p.path("kid").isTextual() || !p.path("sdSig").isTextual() || !p.path("disclosures").isArray()) {
                throw new Malformed("payload fields");
            }
            List<List<String>> disclosures = new ArrayList<>();
            for (JsonNode d : p.get("disclosures")) {
                if (!d.isArray() || d.size() != 3 || !d.get(0).isTextual() || !d.get(1).isTextual() || !d.get(2).isTextual()) {
                    throw new Malformed("a disclosure is [salt, label, value]");
                }
                disclosures.add(List.of(d.get(0).asText(), d.get(1).asText(), d.get(2).asText()));
            }
            PresentationToken token = new PresentationToken(UUID.fromString(p.get("pid").asText()), p.get("kid").asText(),
                    p.get("iat").asLong(), p.get("exp").asLong(), p.get("once").asBoolean(), json.convertValue(p.get("sd"), OBJECT),
                    Base64.getUrlDecoder().decode(p.get("sdSig").asText()), disclosures);
            return new Read(token, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new Malformed(e.getClass().getSimpleName());
        }
    }
}
