package app.banhao.wallet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * README "亮证", offline: a verifier with nothing but Bouncy Castle, an RFC 8785 canonicaliser, a JSON parser and what
 * Banhao publishes (the key set of {@code /wallet/issuer-keys}, the status lists of {@code /wallet/status-lists}) checks a
 * presentation token. {@link Offline} uses no Banhao class; the server here only makes the certificates and tokens.
 */
@QuarkusTest
class OfflineVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPresentationVerifiesOfflineAndFailsOnTamperAndRevocation() throws Exception {
        String holder = Logins.newResidentToken();
        WalletFixtures.verify(holder, "李离线");
        String department = "OFF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String certificate = WalletFixtures.issued(holder, department).getString("items[0].id");
        String token = PresentationFixtures.present(holder, certificate, true, 120, "持证主体", "证照编号").getString("token");
        Offline verifier = new Offline(published("/api/v1/wallet/issuer-keys"), url -> published(url));

        Offline.Verdict valid = verifier.verify(token, Instant.now());
        assertEquals("VALID", valid.reason());
        assertEquals(Set.of("持证主体", "证照编号"), valid.disclosed().keySet());
        assertEquals("李离线", valid.disclosed().get("持证主体"));

        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        // A disclosed value changed: the service's signature no longer covers the payload.
        ObjectNode changed = payload.deepCopy();
        ((ArrayNode) changed.withArray("disclosures").get(0)).set(2, JSON.getNodeFactory().textNode("冒名"));
        String forged = parts[0] + "." + b64(JSON.writeValueAsBytes(changed));
        assertEquals("TAMPERED", verifier.verify(forged + "." + parts[2], Instant.now()).reason());
        // The certificate's metadata changed: likewise.
        ObjectNode longer = payload.deepCopy();
        ((ObjectNode) longer.get("sd")).put("validTo", "2099-12-31");
        assertEquals("TAMPERED", verifier.verify(parts[0] + "." + b64(JSON.writeValueAsBytes(longer)) + "." + parts[2],
                Instant.now()).reason());
        // Signed by a key nobody published, under its own key id; under the service's key id it is a forgery (tampered).
        String foreignSigned = parts[0] + "." + b64(JSON.writeValueAsBytes(changed.deepCopy().put("kid", "ATTACKER-1")));
        var foreign = java.security.KeyPairGenerator.getInstance("EC", "BC");
        foreign.initialize(new java.security.spec.ECGenParameterSpec("sm2p256v1"));
        Signature sm2 = Signature.getInstance("SM3withSM2", "BC");
        sm2.initSign(foreign.generateKeyPair().getPrivate());
        sm2.update(foreignSigned.getBytes(StandardCharsets.US_ASCII));
        assertEquals("FOREIGN_KEY", verifier.verify(foreignSigned + "." + b64(sm2.sign()), Instant.now()).reason());
        // Past its expiry.
        assertEquals("EXPIRED", verifier.verify(token, Instant.now().plusSeconds(121)).reason());

        // Revoked by its issuer: the refreshed status list says so.
        String reviewer = ApplicationFixtures.issuingDepartment(department, WalletFixtures.TYPE).reviewer();
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"status\":\"REVOKED\",\"reason\":\"离线核验测试\"}")
                .post("/api/v1/staff/certificates/" + certificate + "/status").then().statusCode(200);
        assertEquals("CERTIFICATE_REVOKED", verifier.verify(token, Instant.now()).reason());
    }

    private static String published(String url) {
        return given().get(url).then().statusCode(200).extract().asString();
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The offline verifier of README "亮证", step by step. {@code keySet} is the JSON of {@code /wallet/issuer-keys};
     * {@code fetch} gets a status list by its path (a verifier caches them and refreshes them when it can).
     */
    static final class Offline {

        static final String SERVICE = "BANHAO-PRESENTATION";

        record Verdict(String reason, Map<String, String> disclosed) {
        }

        private final JsonNode keySet;
        private final Function<String, String> fetch;

        Offline(String keySet, Function<String, String> fetch) throws Exception {
            if (Security.getProvider("BC") == null) {
                Security.addProvider(new BouncyCastleProvider());
            }
            this.keySet = JSON.readTree(keySet);
            this.fetch = fetch;
        }

        Verdict verify(String token, Instant now) throws Exception {
            // 1. BHP1.<payload>.<signature>, base64url.
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3 || !parts[0].equals("BHP1")) {
                return refused("MALFORMED");
            }
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            // 2. The service's signature, with a published key of the presentation service.
            PublicKey service = key(payload.path("kid").asText(), SERVICE);
            if (service == null) {
                return refused("FOREIGN_KEY");
            }
            if (!sm2(service, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), Base64.getUrlDecoder().decode(parts[2]))) {
                return refused("TAMPERED");
            }
            // 3. The issuer's signature over the RFC 8785 form of the digest document, with a key of the department it names.
            JsonNode sd = payload.get("sd");
            String department = sd.path("departmentCode").asText();
            PublicKey issuer = key(sd.path("keyId").asText(), department);
            if (issuer == null || department.equals(SERVICE)) {
                return refused("FOREIGN_KEY");
            }
            if (!sm2(issuer, jcs(sd), Base64.getUrlDecoder().decode(payload.path("sdSig").asText()))) {
                return refused("TAMPERED");
            }
            // 4. Each disclosure's digest, base64url(SM3(RFC 8785 of [salt, label, value])), is in the signed list.
            Set<String> digests = new HashSet<>();
            sd.get("digests").forEach(d -> digests.add(d.asText()));
            Map<String, String> disclosed = new LinkedHashMap<>();
            for (JsonNode d : payload.get("disclosures")) {
                String digest = b64(MessageDigest.getInstance("SM3", "BC").digest(jcs(d)));
                if (!digests.contains(digest) || disclosed.put(d.get(1).asText(), d.get(2).asText()) != null) {
                    return refused("TAMPERED");
                }
            }
            // 5. Not expired.
            if (now.getEpochSecond() >= payload.path("exp").asLong()) {
                return refused("EXPIRED");
            }
            // 6. Not revoked or suspended: the bit at statusListIndex of the department's signed lists.
            long index = sd.path("statusListIndex").asLong();
            for (String purpose : new String[] { "revocation", "suspension" }) {
                if (listed(department, purpose, index)) {
                    return refused(purpose.equals("revocation") ? "CERTIFICATE_REVOKED" : "CERTIFICATE_SUSPENDED");
                }
            }
            // 7. Within its validity.
            if (sd.hasNonNull("validTo") && LocalDate.parse(sd.get("validTo").asText()).isBefore(LocalDate.now())) {
                return refused("CERTIFICATE_EXPIRED");
            }
            return new Verdict("VALID", disclosed);
        }

        private boolean listed(String department, String purpose, long index) throws Exception {
            JsonNode list = JSON.readTree(fetch.apply("/api/v1/wallet/status-lists/" + department + "/" + purpose));
            PublicKey key = key(list.at("/signature/keyId").asText(), department);
            if (key == null || !sm2(key, jcs(list.get("document")), Base64.getDecoder().decode(list.at("/signature/value").asText()))) {
                throw new IllegalStateException("the " + purpose + " list of " + department + " is not signed by its department");
            }
            String encoded = list.at("/document/encodedList").asText();
            byte[] bits;
            try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
                bits = zip.readAllBytes();
            }
            return (bits[(int) (index / 8)] & (0x80 >>> (index % 8))) != 0;
        }

        /** The published key {@code keyId}, if it belongs to {@code department}. */
        private PublicKey key(String keyId, String department) throws Exception {
            for (JsonNode k : keySet.get("keys")) {
                if (k.get("keyId").asText().equals(keyId) && k.get("departmentCode").asText().equals(department)) {
                    return KeyFactory.getInstance("EC", "BC")
                            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(k.get("publicKey").asText())));
                }
            }
            return null;
        }

        private static boolean sm2(PublicKey key, byte[] data, byte[] signature) throws Exception {
            Signature sm2 = Signature.getInstance("SM3withSM2", "BC");
            sm2.initVerify(key);
            sm2.update(data);
            try {
                return sm2.verify(signature);
            } catch (java.security.SignatureException e) {
                return false;
            }
        }

        private static byte[] jcs(JsonNode node) throws Exception {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
        }

        private static Verdict refused(String reason) {
            return new Verdict(reason, Map.of());
        }
    }
}
