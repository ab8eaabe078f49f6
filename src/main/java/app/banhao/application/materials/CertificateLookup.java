package app.banhao.application.materials;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** A valid certificate of the holder, as a draft lists it for a material it can stand in for (免提交). */
    record UsableCertificate(String id, String type, String name) {
    }

    /** The use of a held certificate as a material: the application, its item and the department that will read it. */
    record MaterialUse(String applicationNo, String itemName, String departmentCode) {
    }

    /** The certificate {@code certificateId} if {@code residentId} holds it; empty otherwise (also for someone else's). */
    Uni<Optional<HeldCertificate>> find(UUID residentId, String certificateId);

    /** The newest valid certificate the resident holds of each of {@code types} that they hold one of. */
    Uni<Map<String, UsableCertificate>> validOfTypes(UUID residentId, Set<String> types);

    /**
     * The department of {@code use} reads the certificate {@code certificateId} as a material (at submission, or when a
     * material is added to a case already submitted): if the resident still holds it and it is valid, a line of their
     * usage ledger, in the caller's transaction, and its 电子证照标识 (which names its version); empty otherwise.
     */
    Uni<Optional<String>> usedAsMaterial(UUID residentId, String certificateId, MaterialUse use);
}
