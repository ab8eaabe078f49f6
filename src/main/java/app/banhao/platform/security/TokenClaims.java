package app.banhao.platform.security;

/**
 * The access-token contract every feature relies on (DESIGN.md §7). Besides the standard claims
 * ({@code iss}, {@code sub}, {@code aud}, {@code exp}, {@code iat}, {@code jti}, {@code groups}):
 */
public final class TokenClaims {

    /** {@code access} for access tokens; anything else (e.g. a refresh token presented here) is refused. */
    public static final String TYPE = "typ";
    public static final String ACCESS = "access";
    /** The login session the token belongs to; ending the session revokes its tokens. */
    public static final String SESSION = "sid";
    /** Residents: real-name level L0..L3. */
    public static final String LEVEL = "lvl";
    /** Staff: the department code the staff member acts for. */
    public static final String DEPARTMENT = "dept";

    /** Audiences: one per kind of client. */
    public static final String AUD_APP = "banhao-app";
    public static final String AUD_MINI_PROGRAM = "banhao-mini-program";
    public static final String AUD_STAFF = "banhao-staff";
    /** Relying parties (用证方: banks, hospitals, departments) with client-credentials tokens. */
    public static final String AUD_RELYING_PARTY = "banhao-relying-party";

    /** Groups (roles). */
    public static final String RESIDENT = "RESIDENT";
    public static final String AGENT = "AGENT";
    public static final String REVIEWER = "REVIEWER";
    public static final String ADMIN = "ADMIN";
    /** A registered relying party; its subject is the party's id. Never held together with another role. */
    public static final String RELYING_PARTY = "RELYING_PARTY";

    private TokenClaims() {
    }
}
