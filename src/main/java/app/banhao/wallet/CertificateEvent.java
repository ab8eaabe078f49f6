package app.banhao.wallet;

import java.util.UUID;

import app.banhao.platform.events.DomainEvent;

/** An event about one certificate: its aggregate is the certificate, so its events reach consumers in order. */
public interface CertificateEvent extends DomainEvent {

    String AGGREGATE = "certificate";

    UUID certificateId();

    @Override
    default String aggregateType() {
        return AGGREGATE;
    }

    @Override
    default String aggregateId() {
        return certificateId().toString();
    }
}
