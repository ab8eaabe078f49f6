package app.banhao.resident;

import io.smallrye.mutiny.Uni;

/**
 * The public-security identity check (公安部身份核验) behind real-name verification: does this name
 * belong to this ID number. Only well-formed numbers reach it.
 */
public interface IdentityVerifier {

    Uni<Boolean> matches(String name, String idNumber);
}
