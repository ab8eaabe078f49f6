package app.banhao.platform.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoint guarded by a role, to prove tokens and the 401/403 problems end to end. */
@Path("/test-fixtures/secured")
public class SecuredFixtureResource {

    private final CurrentActor actor;

    public SecuredFixtureResource(CurrentActor actor) {
        this.actor = actor;
    }

    @GET
    @RolesAllowed(TokenClaims.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public String whoAmI() {
        return "{\"id\":\"" + actor.id() + "\",\"department\":\"" + actor.department().orElse("") + "\"}";
    }
}
