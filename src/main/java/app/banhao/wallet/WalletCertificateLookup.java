package app.banhao.wallet;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.materials.CertificateLookup;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/** The wallet as applications see it: a certificate the resident holds, its type, and whether it is valid today. */
@ApplicationScoped
public class WalletCertificateLookup implements CertificateLookup {

    private final CertificateRepository certificates;
    private final BusinessClock clock;

    public WalletCertificateLookup(CertificateRepository certificates, BusinessClock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    @Override
    public Uni<Optional<HeldCertificate>> find(UUID residentId, String certificateId) {
        UUID id;
        try {
            id = UUID.fromString(certificateId.strip());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return certificates.findHeld(id, residentId).map(c -> Optional.ofNullable(c).map(found -> new HeldCertificate(
                found.id.toString(), found.typeCode, found.statusOn(clock.today()) == Certificate.Status.VALID)));
    }
}
