package app.banhao.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.smallrye.mutiny.Uni;

/**
 * A bearer token that does not verify (expired, garbage, signed by someone else) makes the caller anonymous
 * instead of failing the request. A resident's app sends its last token on every call, also after it
 * expired: the public operations (catalogue, home, search, progress lookup) serve it as anyone else, and
 * every protected operation still answers 401, because it requires a role (`@RolesAllowed` on each
 * protected resource) that an anonymous caller never has. Runs before, and delegates to, the JWT
 * extension's own validator.
 */
@ApplicationScoped
public class StaleTokensAsAnonymous implements IdentityProvider<TokenAuthenticationRequest> {

    private final MpJwtValidator jwt;

    public StaleTokensAsAnonymous(MpJwtValidator jwt) {
        this.jwt = jwt;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return jwt.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return jwt.authenticate(request, context).onFailure(AuthenticationFailedException.class).recoverWithItem(failure -> {
            Log.debugf("Bearer token refused, caller served as anonymous: %s", failure.getMessage());
            return QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        });
    }
}
