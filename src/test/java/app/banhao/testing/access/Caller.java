package app.banhao.testing.access;

import java.util.UUID;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.Logins;
import app.banhao.testing.TestTokens;
import io.restassured.specification.RequestSpecification;

/**
 * Someone calling the API in the matrix: a resident, a staff member of a department, or nobody.
 *
 * @param token the bearer token, null for an anonymous caller
 */
public record Caller(String description, String id, String department, String token) {

    /** The department the matrix's owners work for; callers from elsewhere use {@link #OTHER_DEPARTMENT}. */
    public static final String OWNER_DEPARTMENT = "MATRIX-OWNER-DEPT";
    public static final String OTHER_DEPARTMENT = "MATRIX-OTHER-DEPT";

    /** A real resident, logged in through the API: owned objects need their owner to exist. */
    public static Caller resident(String description) {
        String token = Logins.newResidentToken();
        String id = io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .extract().path("id");
        return new Caller(description, id, null, token);
    }

    /** A staff member with every role, so a refusal can only come from the department check. */
    public static Caller staff(String description, String department) {
        String id = UUID.randomUUID().toString();
        return new Caller(description, id, department,
                TestTokens.staff(id, department, TokenClaims.AGENT, TokenClaims.REVIEWER, TokenClaims.ADMIN));
    }

    /** A staff member with only {@code role}: the same role as the operation's own caller, in {@code department}. */
    public static Caller staffWithRole(String department, String role) {
        String id = UUID.randomUUID().toString();
        return new Caller(role + " of " + department, id, department, TestTokens.staff(id, department, role));
    }

    /** One caller per staff role, each with that role only, in {@code department}. */
    public static java.util.List<Caller> eachStaffRole(String department) {
        return java.util.List.of(TokenClaims.AGENT, TokenClaims.REVIEWER, TokenClaims.ADMIN).stream()
                .map(role -> staffWithRole(department, role)).toList();
    }

    public static Caller anonymous() {
        return new Caller("no token", null, null, null);
    }

    public boolean isAnonymous() {
        return token == null;
    }

    public boolean isStaff() {
        return department != null;
    }

    public RequestSpecification authorize(RequestSpecification request) {
        return isAnonymous() ? request : request.auth().oauth2(token);
    }

    @Override
    public String toString() {
        return description;
    }
}
