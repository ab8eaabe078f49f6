package app.banhao.platform.session;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.banhao.platform.security.TokenClaims;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Checks what signature verification cannot: that the token is an access token, that its audience fits
 * its roles (a resident token is never a staff token), and that its session has not been revoked.
 */
@ApplicationScoped
public class AccessTokenAugmentor implements SecurityIdentityAugmentor {

    private static final Set<String> STAFF_ROLES = Set.of(TokenClaims.AGENT, TokenClaims.REVIEWER, TokenClaims.ADMIN);

    private final SessionRevocations revocations;

    public AccessTokenAugmentor(SessionRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (!TokenClaims.ACCESS.equals(token.getClaim(TokenClaims.TYPE)) || !audienceFitsRoles(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not an access token for this client"));
        }
        UUID session;
        try {
            session = UUID.fromString(token.getClaim(TokenClaims.SESSION));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("no session"));
        }
        return revocations.isRevoked(session).map(revoked -> {
            if (revoked) {
                throw new AuthenticationFailedException("session revoked");
            }
            return identity;
        });
    }

    private static boolean audienceFitsRoles(JsonWebToken token) {
        Set<String> audience = token.getAudience() == null ? Set.of() : token.getAudience();
        boolean staff = token.getGroups().stream().anyMatch(STAFF_ROLES::contains);
        boolean party = token.getGroups().contains(TokenClaims.RELYING_PARTY);
        if (staff) {
            return !party && audience.contains(TokenClaims.AUD_STAFF);
        }
        if (party) {
            // A relying party's token carries that role alone, for its own audience only.
            return token.getGroups().size() == 1 && audience.equals(Set.of(TokenClaims.AUD_RELYING_PARTY));
        }
        return token.getGroups().contains(TokenClaims.RESIDENT)
                && (audience.contains(TokenClaims.AUD_APP) || audience.contains(TokenClaims.AUD_MINI_PROGRAM));
    }
}
