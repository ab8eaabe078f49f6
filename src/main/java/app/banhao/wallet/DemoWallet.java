package app.banhao.wallet;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.platform.local.LocalMode;
import app.banhao.platform.startup.StartupTask;
import app.banhao.resident.Residents;
import app.banhao.staff.DemoAccounts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The demo resident's wallet in local mode: their certificates imported from the (stand-in) provincial library at
 * start, signed by the departments named as issuers. Importing again imports nothing new (one certificate per library
 * reference). Like the demo accounts, only in local mode and only while {@code banhao.demo.enabled}.
 */
@ApplicationScoped
public class DemoWallet implements StartupTask {

    /**
     * The demo resident's name and ID number in the stand-in library: made up, with a valid check digit, so that the
     * demo resident can verify their real name with them (README walk-throughs).
     */
    static final String HOLDER_NAME = "张办好";
    static final String HOLDER_ID_NUMBER = "430104199001011230";

    private final boolean enabled;
    private final Residents residents;
    private final ProvincialCertificateLibrary library;
    private final CertificateIssuer issuer;

    public DemoWallet(LocalMode local, @ConfigProperty(name = "banhao.demo.enabled", defaultValue = "true") boolean wanted,
            Residents residents, ProvincialCertificateLibrary library, CertificateIssuer issuer) {
        this.enabled = wanted && local.on();
        this.residents = residents;
        this.library = library;
        this.issuer = issuer;
    }

    /** After the demo accounts (stage 0), so the demo resident exists. */
    @Override
    public int stage() {
        return 1;
    }

    @Override
    public Uni<Void> atStart() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(
                () -> residents.idOf(DemoAccounts.RESIDENT_PHONE).chain(holder -> holder == null ? Uni.createFrom().item(0)
                        : library.heldBy(HOLDER_ID_NUMBER, "办好演示：导入本人电子证照").chain(held -> importAll(holder, held))))
                .invoke(count -> Log.infof("Demo wallet ready: %d certificates for resident %s", count, DemoAccounts.RESIDENT_PHONE))
                .replaceWithVoid();
    }

    private Uni<Integer> importAll(java.util.UUID holder, List<ProvincialCertificateLibrary.Held> held) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (ProvincialCertificateLibrary.Held h : held) {
            CertificateDraft draft = new CertificateDraft(h.typeCode(), holder, h.holderName(), h.holderCode(), h.holderCodeType(),
                    h.number(), h.issuerDepartment(), h.issuerName(), h.fields(), h.issuedOn(), h.validFrom(),
                    Certificate.Source.IMPORTED, h.reference());
            chain = chain.chain(n -> issuer.issue(draft).replaceWith(n + 1));
        }
        return chain;
    }
}
