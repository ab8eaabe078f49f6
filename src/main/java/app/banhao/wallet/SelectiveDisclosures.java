package app.banhao.wallet;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.digests.SM3Digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The issuer's selective-disclosure signature of a certificate, so its holder can show some fields and a verifier can
 * check them offline (the SD-JWT idea, with SM3 and SM2): each disclosable field becomes a disclosure
 * {@code [salt, label, value]} (a fresh 128-bit salt), its digest is {@code base64url(SM3(RFC 8785 of the array))},
 * and the department's key signs the RFC 8785 form of a document listing the digests (sorted) with the record's public
 * metadata. A presentation discloses the arrays of the chosen fields only: a verifier hashes them and finds them in the
 * signed list, and learns nothing of the others (the salts make their digests unguessable).
 *
 * <p>Made at issue; for a certificate issued before this existed, on its first presentation, with the department's
 * current key (the certificate's own whole-record signature stays as it was). Runs in the caller's transaction.
 */
@ApplicationScoped
public class SelectiveDisclosures {

    public static final String DOCUMENT_TYPE = "BanhaoSelectiveDisclosure";
    public static final String DIGEST_ALGORITHM = "SM3";
    /** The record's own disclosable fields, by the labels the usage ledger names them with. */
    public static final String NUMBER = "证照编号";
    public static final String HOLDER_NAME = "持证主体";
    public static final String HOLDER_CODE = "持证主体代码";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, List<String>>> DISCLOSURES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> DOCUMENT = new TypeReference<>() {
    };
    private static final String ADD = "insert into SelectiveDisclosure (certificateId, document, keyId, signature, disclosuresEnc,"
            + " createdAt) values (:certificateId, :document, :keyId, :signature, :disclosuresEnc, :createdAt)"
            + " on conflict (certificateId) do nothing";

    /** A certificate's signed digest list and every disclosure of it, by label. */
    public record Signed(UUID certificateId, Map<String, Object> document, String keyId, byte[] signature,
            Map<String, List<String>> disclosures) {

        public String signatureBase64Url() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        }
    }

    private final IssuerKeys keys;
    private final DataProtection crypto;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public SelectiveDisclosures(IssuerKeys keys, DataProtection crypto, ObjectMapper json, BusinessClock clock) {
        this.keys = keys;
        this.crypto = crypto;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The certificate's signed digest list: the stored one, or one made now with its department's current key. Two
     * first presentations at once make one (the insert yields to the one that came first, and both read that).
     */
    public Uni<Signed> of(Certificate c) {
        return find(c.id).chain(found -> found != null ? Uni.createFrom().item(found)
                : keys.signer(c.issuerDepartment, c.issuerName).chain(signer -> insert(make(c, signer)))
                        .chain(() -> find(c.id)));
    }

    /** Signs a certificate being issued, with the key that signs its record (persisted after it, so inserted after it). */
    Uni<Void> sign(Certificate c, IssuerKeys.Signer signer) {
        SelectiveDisclosure s = make(c, signer);
        return Panache.getSession().chain(session -> session.persist(s));
    }

    /** {@code base64url(SM3(RFC 8785 of [salt, label, value]))}: what the signed document lists for a disclosure. */
    public static String digest(List<String> disclosure, ObjectMapper json) {
        try {
            byte[] canonical = CanonicalJson.of(json.writeValueAsString(disclosure));
            SM3Digest sm3 = new SM3Digest();
            sm3.update(canonical, 0, canonical.length);
            byte[] out = new byte[sm3.getDigestSize()];
            sm3.doFinal(out, 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A disclosure is a JSON array of strings", e);
        }
    }

    private SelectiveDisclosure make(Certificate c, IssuerKeys.Signer signer) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(NUMBER, crypto.decrypt(c.numberEnc));
        values.put(HOLDER_NAME, crypto.decrypt(c.holderNameEnc));
        values.put(HOLDER_CODE, crypto.decrypt(c.holderCodeEnc));
        values.putAll(read(crypto.decrypt(c.fieldsEnc), FIELDS));
        Map<String, List<String>> disclosures = new LinkedHashMap<>();
        List<String> digests = new ArrayList<>();
        values.forEach((label, value) -> {
            List<String> disclosure = List.of(salt(), label, value == null ? "" : value);
            disclosures.put(label, disclosure);
            digests.add(digest(disclosure, json));
        });
        // Sorted: the order of the list must not tell which digest is which field.
        digests.sort(null);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", DOCUMENT_TYPE);
        d.putAll(CertificateIssuer.publicRecord(c));
        d.put("departmentCode", c.issuerDepartment);
        d.put("keyId", signer.keyId());
        d.put("digestAlgorithm", DIGEST_ALGORITHM);
        d.put("digests", digests);
        String document = CanonicalJson.text(write(d));
        SelectiveDisclosure s = new SelectiveDisclosure();
        s.certificateId = c.id;
        s.document = document;
        s.keyId = signer.keyId();
        s.signature = signer.sign(document.getBytes(StandardCharsets.UTF_8));
        s.disclosuresEnc = crypto.encrypt(write(disclosures));
        s.createdAt = clock.now();
        return s;
    }

    private static Uni<Integer> insert(SelectiveDisclosure s) {
        return Panache.getSession().chain(session -> session.createMutationQuery(ADD)
                .setParameter("certificateId", s.certificateId).setParameter("document", s.document)
                .setParameter("keyId", s.keyId).setParameter("signature", s.signature)
                .setParameter("disclosuresEnc", s.disclosuresEnc).setParameter("createdAt", s.createdAt).executeUpdate());
    }

    private Uni<Signed> find(UUID certificateId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from SelectiveDisclosure where certificateId = :id", SelectiveDisclosure.class)
                .setParameter("id", certificateId).getSingleResultOrNull())
                .map(s -> s == null ? null : new Signed(s.certificateId, read(s.document, DOCUMENT), s.keyId, s.signature,
                        read(crypto.decrypt(s.disclosuresEnc), DISCLOSURES)));
    }

    private static String salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored disclosure data is not JSON", e);
        }
    }
}
