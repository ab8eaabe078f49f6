package app.banhao.application.materials;

import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The wallet (电子证照) as applications need it: a certificate the resident holds, to stand in for a
 * material (免提交). The wallet feature implements it ({@code wallet.WalletCertificateLookup}).
 */
public interface CertificateLookup {

    /** A certificate of the holder's wallet as a material reference needs it. */
    record HeldCertificate(String id, String type, boolean valid) {
    }

    /** The use of a held certificate as a material: the application, its item and the department that will read it. */
    record MaterialUse(String applicationNo, String itemName, String departmentCode) {
    }

    /** The certificate {@code certificateId} if {@code residentId} holds it; empty otherwise (also for someone else's). */
    Uni<Optional<HeldCertificate>> find(UUID residentId, String certificateId);

    /**
     * Records in the holder's usage ledger that their certificate {@code certificateId} (one {@link #find} found)
     * serves as a material of {@code use}, in the caller's transaction.
     */
    Uni<Void> usedAsMaterial(UUID residentId, String certificateId, MaterialUse use);
}
