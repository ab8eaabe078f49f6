package app.banhao.wallet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A holder's valid certificate reaches its last day within {@link ExpiryNotices#AHEAD}: the inbox tells them once. */
public record CertificateExpiringSoon(UUID certificateId, UUID holderId, String certificateName, LocalDate validTo,
        OffsetDateTime at) implements CertificateEvent {

    public static final String TYPE = "CertificateExpiringSoon";

    @Override
    public String type() {
        return TYPE;
    }
}
