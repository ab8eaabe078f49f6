package app.banhao.wallet.presentation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.CertificatePresentation;
import app.banhao.api.model.CertificateStatus;
import app.banhao.api.model.PresentationSummary;
import app.banhao.api.model.PresentedCertificate;

/** Presentations as the API shows them, and a presented certificate's public data from its signed digest document. */
@ApplicationScoped
public class PresentationMapper {

    private static final TypeReference<List<String>> LABELS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public PresentationMapper(ObjectMapper json) {
        this.json = json;
    }

    PresentationSummary toSummary(Presentation p) {
        return new PresentationSummary().id(p.id).certificateId(p.certificateId).certificateName(p.certificateName)
                .fields(labels(p)).singleUse(p.singleUse).createdAt(p.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .expiresAt(p.expiresAt.withOffsetSameInstant(ZoneOffset.UTC)).revoked(p.revokedAt != null).uses(p.uses);
    }

    CertificatePresentation toCreated(Presentation p, String token, byte[] png, String svg) {
        return new CertificatePresentation().id(p.id).certificateId(p.certificateId).certificateName(p.certificateName)
                .fields(labels(p)).singleUse(p.singleUse).createdAt(p.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .expiresAt(p.expiresAt.withOffsetSameInstant(ZoneOffset.UTC)).revoked(false).uses(0).token(token)
                .qrPng(png).qrSvg(svg);
    }

    /** The public part of the issuer's signed digest document, with the certificate's status now. */
    static PresentedCertificate toCertificate(Map<String, Object> sd, CertificateStatus status) {
        Object validTo = sd.get("validTo");
        return new PresentedCertificate().name(text(sd, "name")).typeCode(text(sd, "typeCode"))
                .identifier(text(sd, "identifier")).issuerName(text(sd, "issuerName")).issuerCode(text(sd, "issuerCode"))
                .departmentCode(text(sd, "departmentCode")).issuedOn(LocalDate.parse(text(sd, "issuedOn")))
                .validFrom(LocalDate.parse(text(sd, "validFrom")))
                .validTo(validTo == null ? null : LocalDate.parse(validTo.toString()))
                .longTerm(Boolean.TRUE.equals(sd.get("longTerm"))).trustLevel(text(sd, "trustLevel")).status(status);
    }

    List<String> labels(Presentation p) {
        try {
            return json.readValue(p.fields, LABELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A presentation's fields are not JSON", e);
        }
    }

    String write(List<String> labels) {
        try {
            return json.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Map<String, Object> sd, String key) {
        Object value = sd.get(key);
        return value == null ? null : value.toString();
    }
}
