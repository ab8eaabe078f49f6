package app.banhao.wallet.grant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.CertificateGrant;
import app.banhao.api.model.CertificateRequest;
import app.banhao.api.model.CertificateRequestState;
import app.banhao.api.model.RelyingPartyKind;
import app.banhao.wallet.UsageLedger;

/** Requests and grants as the API shows them, to their holder or to the party that asked. */
@ApplicationScoped
public class GrantMapper {

    private final UsageLedger labels;

    public GrantMapper(UsageLedger labels) {
        this.labels = labels;
    }

    /** A request; {@code forHolder} adds which of their certificates it concerns, which the party never learns. */
    CertificateRequest toRequest(WalletGrantRequest r, RelyingParty party, WalletGrant grant, boolean forHolder, OffsetDateTime now) {
        return new CertificateRequest().id(r.id).partyCode(party.code).partyName(party.name).certificateType(r.certificateType)
                .certificateName(forHolder ? r.certificateName : null).purpose(r.purpose).fields(fields(r.fields)).days(r.days)
                .maxUses(r.maxUses).state(CertificateRequestState.fromValue(r.stateAt(now).name())).answerBy(utc(r.answerBy))
                .answeredAt(utc(r.answeredAt)).grant(grant == null ? null : toGrant(grant, party)).createdAt(utc(r.createdAt));
    }

    CertificateGrant toGrant(WalletGrant g, RelyingParty party) {
        return new CertificateGrant().id(g.id).requestId(g.requestId).certificateId(g.certificateId)
                .certificateName(g.certificateName).partyCode(party.code).partyName(party.name)
                .partyKind(RelyingPartyKind.fromValue(party.kind.name())).purpose(g.purpose).fields(fields(g.fields))
                .expiresAt(utc(g.expiresAt)).maxUses(g.maxUses).usesLeft(Math.max(0, g.maxUses - g.uses))
                .revoked(g.revokedAt != null).revokedAt(utc(g.revokedAt)).createdAt(utc(g.createdAt));
    }

    List<String> fields(String stored) {
        return labels.read(stored);
    }

    String fields(List<String> wanted) {
        return labels.write(wanted);
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
