package app.banhao.resident;

import app.banhao.platform.local.LocalMode;
import io.smallrye.mutiny.Uni;

/**
 * Stand-in for the identity-check service on machines that cannot reach it: every well-formed pair
 * matches, except names containing {@code 不符} ("mismatch"), so the refusal path can be tried locally.
 * <p>
 * It would let anyone claim anyone's ID number, so it exists only in local mode: {@link IdentityVerifiers}
 * creates it there and nowhere else, and it refuses to be created otherwise.
 */
final class LocalIdentityVerifier implements IdentityVerifier {

    LocalIdentityVerifier(LocalMode localMode) {
        if (!localMode.on()) {
            throw new IllegalStateException("The local identity stand-in accepts any name for any ID number: only in "
                    + LocalMode.KEY + "=true");
        }
    }

    @Override
    public Uni<Boolean> matches(String name, String idNumber) {
        return Uni.createFrom().item(!name.contains("不符"));
    }
}
