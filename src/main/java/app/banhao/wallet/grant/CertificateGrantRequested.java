package app.banhao.wallet.grant;

import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.wallet.CertificateEvent;

/** A relying party asked to use a holder's certificate: the holder is told in the inbox, to approve or refuse. */
public record CertificateGrantRequested(UUID certificateId, UUID requestId, UUID holderId, String partyName, String purpose,
        OffsetDateTime at) implements CertificateEvent {

    public static final String TYPE = "CertificateGrantRequested";

    @Override
    public String type() {
        return TYPE;
    }
}
