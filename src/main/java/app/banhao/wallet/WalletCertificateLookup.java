package app.banhao.wallet;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.materials.CertificateLookup;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/** The wallet as applications see it: a certificate the resident holds, its type, and whether it is valid today. */
@ApplicationScoped
public class WalletCertificateLookup implements CertificateLookup {

    private final CertificateRepository certificates;
    private final UsageLedger ledger;
    private final BusinessClock clock;

    public WalletCertificateLookup(CertificateRepository certificates, UsageLedger ledger, BusinessClock clock) {
        this.certificates = certificates;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Uni<Optional<HeldCertificate>> find(UUID residentId, String certificateId) {
        return held(residentId, certificateId).map(c -> Optional.ofNullable(c).map(found -> new HeldCertificate(
                found.id.toString(), found.typeCode, found.statusOn(clock.today()) == Certificate.Status.VALID)));
    }

    /** The department deciding the application reads the certificate: a line of the holder's usage ledger. */
    @Override
    public Uni<Optional<String>> usedAsMaterial(UUID residentId, String certificateId, MaterialUse use) {
        return held(residentId, certificateId).chain(c -> c == null || c.statusOn(clock.today()) != Certificate.Status.VALID
                ? Uni.createFrom().item(Optional.<String>empty())
                : ledger.departmentRead(c, use.departmentCode(), "办理 " + use.itemName(), CertificateUse.Channel.MATERIAL,
                        use.applicationNo()).replaceWith(Optional.of(c.identifier)));
    }

    @Override
    public Uni<Map<String, UsableCertificate>> validOfTypes(UUID residentId, Set<String> types) {
        return certificates.validOfTypes(residentId, types).map(list -> {
            Map<String, UsableCertificate> newest = new LinkedHashMap<>();
            LocalDate today = clock.today();
            list.stream().filter(c -> Certificate.statusOn(Certificate.Status.VALID, c.validTo(), today) == Certificate.Status.VALID)
                    .forEach(c -> newest.putIfAbsent(c.typeCode(), new UsableCertificate(c.id().toString(), c.typeCode(), c.name())));
            return newest;
        });
    }

    private Uni<Certificate> held(UUID residentId, String certificateId) {
        UUID id;
        try {
            id = UUID.fromString(certificateId.strip());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().nullItem();
        }
        return certificates.findHeld(id, residentId);
    }
}
