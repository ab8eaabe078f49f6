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

    /** The certificate {@code certificateId} if {@code residentId} holds it; empty otherwise (also for someone else's). */
    Uni<Optional<HeldCertificate>> find(UUID residentId, String certificateId);
}
