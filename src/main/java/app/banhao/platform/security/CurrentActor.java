package app.banhao.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;

/** Who is calling, read from the verified access token of the current request. */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken token;

    public CurrentActor(JsonWebToken token) {
        this.token = token;
    }

    public boolean authenticated() {
        return token != null && token.getSubject() != null;
    }

    /** The subject: a resident's or staff member's id. 401 when nobody is logged in. */
    public String id() {
        if (!authenticated()) {
            throw ApiException.of(ErrorCode.UNAUTHORIZED);
        }
        return token.getSubject();
    }

    /** The subject as the UUID every Banhao account id is; a token with anything else is not ours: 401. */
    public java.util.UUID uuid() {
        try {
            return java.util.UUID.fromString(id());
        } catch (IllegalArgumentException e) {
            throw ApiException.of(ErrorCode.UNAUTHORIZED);
        }
    }

    public Set<String> roles() {
        return authenticated() ? token.getGroups() : Set.of();
    }

    public boolean isStaff() {
        Set<String> roles = roles();
        return roles.contains(TokenClaims.AGENT) || roles.contains(TokenClaims.REVIEWER) || roles.contains(TokenClaims.ADMIN);
    }

    /** The department a staff member acts for. */
    public Optional<String> department() {
        return authenticated() ? Optional.ofNullable(token.<String>getClaim(TokenClaims.DEPARTMENT)) : Optional.empty();
    }

    /** The department a staff member acts for; 403 for a caller that acts for none. */
    public String requiredDepartment() {
        return department().orElseThrow(() -> ApiException.of(ErrorCode.FORBIDDEN));
    }

    /**
     * Whether a resident's token carries real-name level {@code wanted} or higher ({@code L0} … {@code L3}, the
     * level the session was granted at its last refresh).
     */
    public boolean levelAtLeast(String wanted) {
        String level = authenticated() ? token.<String>getClaim(TokenClaims.LEVEL) : null;
        return level != null && level.length() == 2 && level.charAt(0) == 'L' && level.compareTo(wanted) >= 0;
    }

    public Optional<String> sessionId() {
        return authenticated() ? Optional.ofNullable(token.<String>getClaim(TokenClaims.SESSION)) : Optional.empty();
    }

    /** When the access token of this request expires. */
    public java.time.Instant expiresAt() {
        return java.time.Instant.ofEpochSecond(token.getExpirationTime());
    }

    /** A relying party's client-credentials token. */
    public boolean isRelyingParty() {
        return roles().contains(TokenClaims.RELYING_PARTY);
    }

    /** "resident", "staff", "relying-party" or "anonymous": the actor type recorded in the audit log. */
    public String kind() {
        if (!authenticated()) {
            return "anonymous";
        }
        return isStaff() ? "staff" : isRelyingParty() ? "relying-party" : "resident";
    }
}
