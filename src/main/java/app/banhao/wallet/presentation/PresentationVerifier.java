package app.banhao.wallet.presentation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.CertificateStatus;
import app.banhao.api.model.PresentationVerdict;
import app.banhao.api.model.PresentationVerification;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.privacy.Masks;
import app.banhao.platform.time.BusinessClock;
import app.banhao.wallet.CanonicalJson;
import app.banhao.wallet.Certificate;
import app.banhao.wallet.SelectiveDisclosures;
import app.banhao.wallet.Sm2Signatures;
import app.banhao.wallet.UsageLedger;
import app.banhao.wallet.VerifiedSignatures;
import io.smallrye.mutiny.Uni;

/**
 * The public verification of a presentation token (亮证核验), in the order an offline verifier follows (README "亮证")
 * and then what only the server knows: the service's signature with a published presentation key, the issuer's
 * signature over the digest document with a key of the department it names, each disclosure's digest in that
 * document, the expiry (for a token the server issued, found by its digest, the signatures are not checked again:
 * {@link #offline}); then the presentation (withdrawn? a single-use one used?) and the certificate's status now.
 * A valid one is counted by a conditional update that writes the holder's usage ledger line in the same statement; no
 * Hibernate session is opened for it (the keys are held in memory, the rest is one statement of
 * {@link PresentationRepository}).
 */
@ApplicationScoped
public class PresentationVerifier {

    private static final String TEXTS = "i18n/wallet";
    private static final int AGENT_CHARS = 120;

    private final PresentationKeys keys;
    private final PresentationRepository presentations;
    private final VerifiedSignatures issuerSignatures;
    private final UsageLedger ledger;
    private final BusinessClock clock;
    private final ObjectMapper json;

    public PresentationVerifier(PresentationKeys keys, PresentationRepository presentations, VerifiedSignatures issuerSignatures,
            UsageLedger ledger, BusinessClock clock, ObjectMapper json) {
        this.keys = keys;
        this.presentations = presentations;
        this.issuerSignatures = issuerSignatures;
        this.ledger = ledger;
        this.clock = clock;
        this.json = json;
    }

    /** Who asked, as far as known: for the holder's ledger. */
    public record Verifier(String ip, String userAgent, Messages.Language language) {
    }

    public Uni<PresentationVerification> verify(String text, Verifier verifier) {
        PresentationToken.Read read;
        try {
            read = PresentationToken.read(text, json);
        } catch (PresentationToken.Malformed e) {
            return answer(PresentationVerdict.MALFORMED, null, verifier);
        }
        PresentationToken token = read.token();
        return keys.published(token.keyId()).chain(service -> {
            if (service == null || !PresentationKeys.SERVICE.equals(service.departmentCode())
                    || !service.signsLiveTokensAt(clock.now())) {
                return answer(PresentationVerdict.FOREIGN_KEY, null, verifier);
            }
            return keys.published(String.valueOf(token.sd().get("keyId"))).chain(issuer -> {
                if (issuer == null || PresentationKeys.SERVICE.equals(issuer.departmentCode())
                        || !issuer.departmentCode().equals(token.sd().get("departmentCode"))) {
                    return refuse(PresentationVerdict.FOREIGN_KEY, read, service, null, verifier);
                }
                if (clock.now().toEpochSecond() >= token.expiresAt()) {
                    return refuse(PresentationVerdict.EXPIRED, read, service, issuer, verifier);
                }
                return online(read, service, issuer, verifier);
            });
        });
    }

    /** What the offline checks of a token found (README "亮证"). */
    private enum Offline {
        /** The service's signature does not check: nothing the token says can be believed. */
        SERVICE_SIGNATURE_FAILS,
        /** Signed by the service, but a disclosure is not in the issuer's digest list or the issuer's signature fails. */
        CONTENT_FAILS,
        HOLD
    }

    /**
     * The offline checks: the service's SM2 signature on the token, each disclosure's digest in the issuer's list and the
     * issuer's signature over that list ({@code issuer} null: its key is not usable, so not checked). These are the
     * costliest steps of a verification (the service's signature alone was two fifths of the JVM's profile samples
     * when it ran on every call), and for a token this server issued they prove nothing its digest does not: the presentation is
     * found only by the token as issued ({@link PresentationRepository#verifyAndUse}), and what was issued was checked
     * when it was made. So the server runs them only where the answer depends on them: before a refusal (a token altered
     * in any way is TAMPERED, whatever else is wrong with it) and for a token its digest does not find. Offline
     * verifiers, who cannot ask, run them always.
     */
    private Offline offline(PresentationToken.Read read, PresentationKeys.Published service, PresentationKeys.Published issuer) {
        if (!Sm2Signatures.verify(service.key(), read.signed(), read.signature())) {
            return Offline.SERVICE_SIGNATURE_FAILS;
        }
        PresentationToken token = read.token();
        // The issuer's signature is the same in every presentation of the certificate: checked once per node.
        if (issuer != null && (disclosed(token) == null || !issuerSignatures.verify(String.valueOf(token.sd().get("keyId")),
                issuer.key(), canonical(token.sd()), token.sdSignature()))) {
            return Offline.CONTENT_FAILS;
        }
        return Offline.HOLD;
    }

    /** {@code verdict}, unless the token fails an offline check: then TAMPERED. */
    private Uni<PresentationVerification> refuse(PresentationVerdict verdict, PresentationToken.Read read,
            PresentationKeys.Published service, PresentationKeys.Published issuer, Verifier verifier) {
        return answer(offline(read, service, issuer), verdict, read.token(), verifier);
    }

    private Uni<PresentationVerification> answer(Offline checked, PresentationVerdict verdict, PresentationToken token,
            Verifier verifier) {
        return switch (checked) {
            case SERVICE_SIGNATURE_FAILS -> answer(PresentationVerdict.TAMPERED, null, verifier);
            case CONTENT_FAILS -> answer(PresentationVerdict.TAMPERED, token, verifier);
            case HOLD -> answer(verdict, token, verifier);
        };
    }

    /** What only the server knows: the presentation's state and the certificate's status, and the use. */
    private Uni<PresentationVerification> online(PresentationToken.Read read, PresentationKeys.Published service,
            PresentationKeys.Published issuer, Verifier verifier) {
        PresentationToken token = read.token();
        Map<String, String> shown = new LinkedHashMap<>();
        token.disclosures().forEach(d -> shown.put(d.get(1), d.get(2)));
        PresentationRepository.PublicUse use = new PresentationRepository.PublicUse(Masks.ip(verifier.ip()), purpose(verifier),
                ledger.write(List.copyOf(shown.keySet())), clock.now(), clock.today());
        byte[] digest = read.digest();
        return presentations.verifyAndUse(token.presentationId(), digest, false, use).chain(found -> {
            if (found != null) {
                return outcome(found, token, shown, verifier);
            }
            Offline checked = offline(read, service, issuer);
            if (checked != Offline.HOLD) {
                return answer(checked, PresentationVerdict.TAMPERED, token, verifier);
            }
            // Every signature checks: a presentation made before digests were kept, or none at all.
            return presentations.verifyAndUse(token.presentationId(), digest, true, use).chain(p -> p == null
                    // Signed with our key but never made here: not a token of this service's.
                    ? answer(PresentationVerdict.TAMPERED, token, verifier)
                    : outcome(p, token, shown, verifier));
        });
    }

    private Uni<PresentationVerification> outcome(PresentationRepository.Verified p, PresentationToken token,
            Map<String, String> disclosed, Verifier verifier) {
        if (p.used()) {
            return answer(PresentationVerdict.VALID, token, verifier)
                    .map(v -> v.certificate(PresentationMapper.toCertificate(token.sd(), CertificateStatus.VALID))
                            .disclosed(disclosed));
        }
        if (p.revoked()) {
            return answer(PresentationVerdict.PRESENTATION_REVOKED, token, verifier);
        }
        Certificate.Status status = p.certificateStatus();
        if (status != Certificate.Status.VALID) {
            return answer(PresentationVerdict.valueOf("CERTIFICATE_" + status.name()), token, verifier)
                    .map(v -> v.certificate(PresentationMapper.toCertificate(token.sd(), CertificateStatus.valueOf(status.name()))));
        }
        return answer(p.singleUse() ? PresentationVerdict.ALREADY_USED : PresentationVerdict.PRESENTATION_REVOKED, token, verifier);
    }

    /** The disclosed fields by label, or null when one's digest is not in the signed list (or a label repeats). */
    private Map<String, String> disclosed(PresentationToken token) {
        Object listed = token.sd().get("digests");
        if (!(listed instanceof List<?> digests)) {
            return null;
        }
        Set<Object> signed = new HashSet<>(digests);
        Map<String, String> disclosed = new LinkedHashMap<>();
        for (List<String> d : token.disclosures()) {
            if (!signed.contains(SelectiveDisclosures.digest(d, json)) || disclosed.put(d.get(1), d.get(2)) != null) {
                return null;
            }
        }
        return disclosed;
    }

    private byte[] canonical(Map<String, Object> document) {
        try {
            return CanonicalJson.of(json.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ledger line's purpose: the verifier's User-Agent is all a public caller says of itself, and the caller
     * chooses it, so the holder sees it as the client's own claim, in printable ASCII only (as RFC 9110 has it):
     * no Chinese text a verifier could dress up as a message from the department.
     */
    private static String purpose(Verifier verifier) {
        String agent = verifier.userAgent() == null ? "" : verifier.userAgent().replaceAll("[^\\x20-\\x7E]", "").strip();
        if (agent.isEmpty()) {
            return "亮证核验";
        }
        return "亮证核验（客户端自报标识：" + (agent.length() > AGENT_CHARS ? agent.substring(0, AGENT_CHARS) + "…" : agent) + "）";
    }

    /** The verdict; what the token says of itself only once its signature checked ({@code token} not null). */
    private Uni<PresentationVerification> answer(PresentationVerdict verdict, PresentationToken token, Verifier verifier) {
        PresentationVerification v = new PresentationVerification().valid(verdict == PresentationVerdict.VALID).reason(verdict)
                .message(Messages.textIn(verifier.language(), TEXTS, "presentation.verdict." + verdict))
                .verifiedAt(clock.now().withOffsetSameInstant(ZoneOffset.UTC)).disclosed(null);
        if (token != null) {
            v.presentationId(token.presentationId()).singleUse(token.singleUse())
                    .expiresAt(OffsetDateTime.ofInstant(Instant.ofEpochSecond(token.expiresAt()), ZoneOffset.UTC));
        }
        return Uni.createFrom().item(v);
    }
}
