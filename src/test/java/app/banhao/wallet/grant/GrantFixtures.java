package app.banhao.wallet.grant;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.Logins;
import app.banhao.testing.TestTokens;
import app.banhao.wallet.WalletFixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Relying parties, their tokens and requests, and residents with a certificate to lend, made through the API. */
public final class GrantFixtures {

    /** The fields of an issued certificate the fixtures ask for: two of the record, one of the type's own. */
    public static final List<String> FIELDS = List.of("证照编号", "持证人", "事项");

    private GrantFixtures() {
    }

    /** A registered party with its credentials and a fresh token. */
    public record Party(String id, String code, String name, String clientId, String secret, String token) {
    }

    /** A verified resident holding one issued certificate. */
    public record Holder(String token, String idNumber, String certificateId) {
    }

    public static String admin() {
        return TestTokens.staff(UUID.randomUUID().toString(), "GRANT-ADMIN", TokenClaims.ADMIN);
    }

    public static Party party() {
        String code = "RP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String name = "测试银行 " + code;
        JsonPath created = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kind", "BANK", "contact", "0731-88888888"))
                .post("/api/v1/admin/relying-parties").then().statusCode(201).extract().jsonPath();
        String clientId = created.getString("clientId");
        String secret = created.getString("clientSecret");
        return new Party(created.getString("party.id"), code, name, clientId, secret, token(clientId, secret).extract().path("accessToken"));
    }

    public static ValidatableResponse token(String clientId, String secret) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", clientId, "clientSecret", secret))
                .post("/api/v1/relying-party/token").then();
    }

    public static Holder holder() {
        return holder(Logins.newResidentToken());
    }

    private static final java.util.Map<String, Holder> HOLDERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code token}'s resident as a holder: verified and given a certificate the first time, the same one after. */
    public static Holder holder(String token) {
        return HOLDERS.computeIfAbsent(token, t -> {
            String idNumber = WalletFixtures.verify(t, "张三");
            String certificate = WalletFixtures.issued(t, "GRANT-DEPT").getString("items[0].id");
            return new Holder(t, idNumber, certificate);
        });
    }

    /** The party asks for the holder's certificate ({@link WalletFixtures#TYPE}); the request as answered. */
    public static JsonPath ask(Party party, String idNumber, int maxUses) {
        return given().auth().oauth2(party.token()).contentType(ContentType.JSON)
                .body(Map.of("holderIdNumber", idNumber, "certificateType", WalletFixtures.TYPE, "purpose", "办理个人贷款，核验身份",
                        "fields", FIELDS, "days", 30, "maxUses", maxUses))
                .post("/api/v1/relying-party/certificate-requests").then().statusCode(201).extract().jsonPath();
    }

    /** Asks and has the holder approve: the grant's id. */
    public static String granted(Party party, Holder holder, int maxUses) {
        String request = ask(party, holder.idNumber(), maxUses).getString("id");
        return given().auth().oauth2(holder.token()).post("/api/v1/wallet/grant-requests/" + request + "/approve")
                .then().statusCode(200).extract().path("id");
    }

    public static ValidatableResponse use(Party party, String grantId) {
        return given().auth().oauth2(party.token()).post("/api/v1/relying-party/grants/" + grantId + "/use").then();
    }

    /** The resident's inbox once a message titled {@code title} is there (the notice follows through the outbox). */
    public static JsonPath awaitMessage(String resident, String title) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonPath inbox = given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200).extract().jsonPath();
            if (inbox.getList("items.title").contains(title)) {
                return inbox;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("No message '" + title + "': " + inbox.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
