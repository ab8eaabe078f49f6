package app.banhao.wallet;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.StaffCertificatesApi;
import app.banhao.api.model.Certificate;
import app.banhao.api.model.CertificateStatusChange;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** /api/v1/staff/certificates: status changes by reviewers of the issuing department. */
@RolesAllowed(TokenClaims.REVIEWER)
public class StaffCertificatesResource implements StaffCertificatesApi {

    private final WalletService wallet;
    private final CurrentActor actor;

    public StaffCertificatesResource(WalletService wallet, CurrentActor actor) {
        this.wallet = wallet;
        this.actor = actor;
    }

    @Override
    public Uni<Certificate> changeCertificateStatus(UUID certificateId, CertificateStatusChange change) {
        String department = actor.requiredDepartment();
        return wallet.changeStatus(department, certificateId, change);
    }
}
