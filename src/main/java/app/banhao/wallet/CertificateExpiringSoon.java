package app.banhao.wallet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import app.banhao.platform.events.DomainEvent;

/** A holder's valid certificate reaches its last day within {@link ExpiryNotices#AHEAD}: the inbox tells them once. */
public record CertificateExpiringSoon(UUID certificateId, UUID holderId, String certificateName, LocalDate validTo,
        OffsetDateTime at) implements DomainEvent {

    public static final String TYPE = "CertificateExpiringSoon";

    @Override
    public String aggregateType() {
        return CertificateIssued.AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return certificateId.toString();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
