package app.banhao.wallet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/**
 * Makes a certificate from a {@link CertificateDraft}: its 电子证照标识, its place in the status list, the signed
 * document (RFC 8785 canonical JSON of every record field) and the issuing department's SM2 signature over it, and its
 * selective-disclosure signature ({@link SelectiveDisclosures}); stores it with its personal data encrypted. Issuing the same draft source again returns what the first issue made. Runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class CertificateIssuer {

    static final String VERSION = "001";
    static final String TRUST_LEVEL = "A";

    private final CertificateRepository certificates;
    private final IssuerKeys keys;
    private final DataProtection crypto;
    private final ObjectMapper json;
    private final BusinessClock clock;
    private final Outbox outbox;
    private final SelectiveDisclosures disclosures;
    private final String regionCode;

    public CertificateIssuer(CertificateRepository certificates, IssuerKeys keys, DataProtection crypto, ObjectMapper json,
            BusinessClock clock, Outbox outbox, SelectiveDisclosures disclosures, @ConfigProperty(name = "banhao.wallet.region-code", defaultValue = "430000") String regionCode) {
        this.certificates = certificates;
        this.keys = keys;
        this.crypto = crypto;
        this.json = json;
        this.clock = clock;
        this.outbox = outbox;
        this.disclosures = disclosures;
        this.regionCode = regionCode;
    }

    /**
     * The certificate of {@code draft}: issued now and announced ({@link CertificateIssued}, in this transaction), or
     * the one an earlier issue of the same source made.
     */
    public Uni<Certificate> issue(CertificateDraft draft) {
        return certificates.fromSource(draft.source(), draft.sourceRef(), draft.typeCode()).chain(existing -> existing != null
                ? Uni.createFrom().item(existing)
                : certificates.nextSerial().chain(serial -> certificates.nextStatusIndex()
                        .chain(index -> signAndStore(draft, serial, index)))
                        .call(c -> outbox.publish(new CertificateIssued(c.id, c.holderId, c.typeCode, c.name, c.issuerName,
                                draft.source() == Certificate.Source.ISSUED ? draft.sourceRef() : null, c.createdAt))));
    }

    private Uni<Certificate> signAndStore(CertificateDraft draft, long serial, long statusIndex) {
        CertificateTypes.Type type = CertificateTypes.of(draft.typeCode());
        Certificate c = new Certificate();
        c.id = UUID.randomUUID();
        c.holderId = draft.holderId();
        c.typeCode = draft.typeCode();
        c.name = type.name();
        c.issuerDepartment = draft.departmentCode();
        c.issuerName = draft.issuerName();
        c.issuerCode = CertificateTypes.placeholderCode(draft.departmentCode());
        c.identifier = new CertificateIdentifier(type.identifierTypeCode(), c.issuerCode, String.format("%020d", serial), VERSION)
                .text();
        String number = draft.number() != null ? draft.number()
                : regionCode + draft.issuedOn().getYear() + String.format("%08d", serial);
        c.holderCodeType = draft.holderCodeType();
        c.issuedOn = draft.issuedOn();
        c.validFrom = draft.validFrom();
        c.validTo = type.validTo(draft.validFrom());
        c.longTerm = c.validTo == null;
        c.regionCode = regionCode;
        c.trustLevel = TRUST_LEVEL;
        c.status = Certificate.Status.VALID;
        c.statusListIndex = statusIndex;
        c.source = draft.source();
        c.sourceRef = draft.sourceRef();
        c.createdAt = clock.now();
        c.numberEnc = crypto.encrypt(number);
        c.holderNameEnc = crypto.encrypt(draft.holderName());
        c.holderCodeEnc = crypto.encrypt(draft.holderCode());
        c.fieldsEnc = crypto.encrypt(write(draft.fields()));
        return keys.signer(draft.departmentCode(), draft.issuerName()).chain(signer -> {
            // The document names the key that signs it.
            String document = CanonicalJson.text(write(signedDocument(c, number, draft, signer.keyId())));
            c.keyId = signer.keyId();
            c.signature = signer.sign(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            c.signedDocumentEnc = crypto.encrypt(document);
            // And its fields one by one, for presentations that show some of them (亮证).
            return certificates.persist(c).call(() -> disclosures.sign(c, signer));
        });
    }

    /** Every field of the record, as the signature covers it and a verifier reads it. */
    private static Map<String, Object> signedDocument(Certificate c, String number, CertificateDraft draft, String keyId) {
        // RFC 8785 sorts the members: the order they are put in here changes nothing that is signed.
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", c.id.toString());
        d.putAll(publicRecord(c));
        d.put("number", number);
        d.put("holderName", draft.holderName());
        d.put("holderCode", draft.holderCode());
        d.put("fields", draft.fields());
        d.put("keyId", keyId);
        return d;
    }

    /** The record's fields that are not personal data: what a presentation always shows ({@link SelectiveDisclosures}). */
    static Map<String, Object> publicRecord(Certificate c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("identifier", c.identifier);
        d.put("name", c.name);
        d.put("typeCode", c.typeCode);
        d.put("holderCodeType", c.holderCodeType);
        d.put("issuerName", c.issuerName);
        d.put("issuerCode", c.issuerCode);
        d.put("issuedOn", c.issuedOn.toString());
        d.put("validFrom", c.validFrom.toString());
        if (c.validTo != null) {
            // Absent, not null, when long-term: a JSON writer that leaves nulls out must not change what was signed.
            d.put("validTo", c.validTo.toString());
        }
        d.put("longTerm", c.longTerm);
        d.put("regionCode", c.regionCode);
        d.put("trustLevel", c.trustLevel);
        d.put("statusListIndex", c.statusListIndex);
        return d;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A certificate's document must be JSON", e);
        }
    }
}
