package app.banhao.wallet;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.CertificateFace;
import app.banhao.api.model.CertificateFaceLine;
import app.banhao.api.model.CertificateSignature;
import app.banhao.api.model.CertificateStatus;
import app.banhao.api.model.CertificateSummary;
import app.banhao.api.model.IssuerKeySet;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.privacy.Masks;

/** Certificates as the API shows them: masked by default, in clear only for a reveal; and the published issuer keys. */
@ApplicationScoped
public class WalletMapper {

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> DOCUMENT = new TypeReference<>() {
    };

    private final DataProtection crypto;
    private final ObjectMapper json;

    public WalletMapper(DataProtection crypto, ObjectMapper json) {
        this.crypto = crypto;
        this.json = json;
    }

    CertificateSummary toSummary(Certificate c, LocalDate today) {
        return new CertificateSummary().id(c.id).name(c.name).typeCode(c.typeCode)
                .number(Masks.idNumber(crypto.decrypt(c.numberEnc))).holderName(holderName(c, true)).issuerName(c.issuerName)
                .issuedOn(c.issuedOn).validFrom(c.validFrom).validTo(c.validTo).longTerm(c.longTerm)
                .status(CertificateStatus.valueOf(c.statusOn(today).name()));
    }

    /** The full record; personal data masked unless {@code reveal}, which also carries the signed document. */
    app.banhao.api.model.Certificate toCertificate(Certificate c, LocalDate today, boolean reveal) {
        String number = crypto.decrypt(c.numberEnc);
        String holderCode = crypto.decrypt(c.holderCodeEnc);
        Map<String, String> fields = read(crypto.decrypt(c.fieldsEnc), FIELDS);
        Map<String, String> shown = new LinkedHashMap<>();
        fields.forEach((label, value) -> shown.put(label, reveal ? value : mask(label, value)));
        List<CertificateFaceLine> lines = new ArrayList<>();
        shown.forEach((label, value) -> lines.add(new CertificateFaceLine().label(label).value(value)));
        return new app.banhao.api.model.Certificate().id(c.id).name(c.name).typeCode(c.typeCode)
                .number(reveal ? number : Masks.idNumber(number)).holderName(holderName(c, !reveal)).issuerName(c.issuerName)
                .issuedOn(c.issuedOn).validFrom(c.validFrom).validTo(c.validTo).longTerm(c.longTerm)
                .status(CertificateStatus.valueOf(c.statusOn(today).name())).identifier(c.identifier)
                .holderCode(reveal ? holderCode : Masks.idNumber(holderCode)).holderCodeType(c.holderCodeType)
                .issuerCode(c.issuerCode).regionCode(c.regionCode).trustLevel(c.trustLevel).statusListIndex(c.statusListIndex)
                .masked(!reveal).fields(shown).face(new CertificateFace().title(c.name).lines(lines))
                .signature(new CertificateSignature().keyId(c.keyId).algorithm(Sm2Signatures.ALGORITHM)
                        .canonicalization("RFC8785").value(Base64.getEncoder().encodeToString(c.signature)))
                .signedDocument(reveal ? read(crypto.decrypt(c.signedDocumentEnc), DOCUMENT) : null);
    }

    /**
     * Every field a reader of the record could be granted, in clear, by label: the number, holder and holder code
     * (the labels the usage ledger names them by) and the type's own fields.
     */
    public Map<String, String> recordFields(Certificate c) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("证照编号", crypto.decrypt(c.numberEnc));
        fields.put("持证主体", crypto.decrypt(c.holderNameEnc));
        fields.put("持证主体代码", crypto.decrypt(c.holderCodeEnc));
        fields.putAll(read(crypto.decrypt(c.fieldsEnc), FIELDS));
        return fields;
    }

    IssuerKeySet toKeySet(List<IssuerKey> keys) {
        return new IssuerKeySet().signatureAlgorithm(Sm2Signatures.ALGORITHM).canonicalization("RFC8785")
                .userId(Sm2Signatures.USER_ID).keys(keys.stream().map(k -> new app.banhao.api.model.IssuerKey().keyId(k.keyId)
                        .departmentCode(k.departmentCode).issuerName(k.issuerName)
                        .issuerCode(CertificateTypes.placeholderCode(k.departmentCode)).algorithm("SM2")
                        .publicKey(Base64.getEncoder().encodeToString(k.publicKey))
                        .validFrom(k.validFrom.withOffsetSameInstant(ZoneOffset.UTC))
                        .validTo(k.validTo == null ? null : k.validTo.withOffsetSameInstant(ZoneOffset.UTC))).toList());
    }

    /** An organisation's name is public; a person's is masked. */
    private String holderName(Certificate c, boolean masked) {
        String name = crypto.decrypt(c.holderNameEnc);
        return masked && Certificate.CITIZEN_ID.equals(c.holderCodeType) ? Masks.name(name) : name;
    }

    static String mask(String label, String value) {
        CertificateTypes.Personal personal = CertificateTypes.personal(label);
        if (personal == null || value == null) {
            return value;
        }
        return switch (personal) {
            case NAME -> Masks.name(value);
            case ID -> Masks.idNumber(value);
            case ADDRESS -> Masks.address(value, 6);
            case DATE -> "****-**-**";
        };
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored certificate document is not JSON", e);
        }
    }
}
