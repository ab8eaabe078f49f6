package app.banhao.wallet;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.CertificateSignature;
import app.banhao.api.model.SignedStatusList;
import app.banhao.api.model.StatusPurpose;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.cache.CachedJson;
import app.banhao.platform.crypto.Digests;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.web.Gzip;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * A department's certificate status lists (the W3C Bitstring Status List idea): one bit per certificate at its
 * {@code statusListIndex}, set when it is revoked or suspended, GZIP'd and signed by the department's current key.
 * The signed answer is cached by its content (which bits, which key), so it keeps one ETag until a status changes or
 * the key rotates, and a refresh by many verifiers costs one signature.
 */
@ApplicationScoped
public class StatusLists {

    /** The herd-privacy minimum of the W3C recommendation. */
    static final int MIN_BITS = 131_072;
    static final String CACHE = "wallet-status";
    private static final Duration TTL = Duration.ofMinutes(10);

    private final IssuerKeys keys;
    private final CacheAside cache;
    private final ObjectMapper json;

    public StatusLists(IssuerKeys keys, CacheAside cache, ObjectMapper json) {
        this.keys = keys;
        this.cache = cache;
        this.json = json;
    }

    /** The signed list of {@code department} for {@code purpose}; 404 for a department that has no key yet. */
    @WithSession
    public Uni<CachedJson> signed(String department, StatusPurpose purpose) {
        Certificate.Status status = purpose == StatusPurpose.REVOCATION ? Certificate.Status.REVOKED : Certificate.Status.SUSPENDED;
        return keys.currentSigner(department).chain(signer -> {
            if (signer == null) {
                return Uni.createFrom().failure(ApiException.of(ErrorCode.NOT_FOUND));
            }
            return indexes(department, status).chain(set -> {
                Map<String, Object> document = document(department, purpose, signer.keyId(), set);
                String key = CacheAside.digestKey("list", department, purpose, Digests.sha256Hex(write(document)));
                return cache.get(CACHE, key, TTL, () -> Uni.createFrom().item(sign(document, signer)));
            });
        });
    }

    private static Uni<List<Long>> indexes(String department, Certificate.Status status) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select c.statusListIndex from Certificate c where c.issuerDepartment = :d and c.status = :s order by 1", Long.class)
                .setParameter("d", department).setParameter("s", status).getResultList());
    }

    static Map<String, Object> document(String department, StatusPurpose purpose, String keyId, List<Long> set) {
        long highest = set.isEmpty() ? 0 : set.get(set.size() - 1);
        int bits = (int) Math.max(MIN_BITS, (highest / 8 + 1) * 8);
        byte[] bitstring = new byte[bits / 8];
        for (long index : set) {
            // Index 0 is the most significant bit of the first byte.
            bitstring[(int) (index / 8)] |= (byte) (0x80 >>> (index % 8));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "BitstringStatusList");
        d.put("statusPurpose", purpose.toString());
        d.put("departmentCode", department);
        d.put("keyId", keyId);
        d.put("size", bits);
        d.put("encodedList", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(Gzip.compress(bitstring)));
        return d;
    }

    private SignedStatusList sign(Map<String, Object> document, IssuerKeys.Signer signer) {
        byte[] canonical = CanonicalJson.of(write(document));
        return new SignedStatusList().document(document).signature(new CertificateSignature().keyId(signer.keyId())
                .algorithm(Sm2Signatures.ALGORITHM).canonicalization("RFC8785")
                .value(Base64.getEncoder().encodeToString(signer.sign(canonical))));
    }


    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
