package app.banhao.wallet.grant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import app.banhao.testing.TestIdNumbers;
import app.banhao.wallet.WalletFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** 授权用证 end to end: a registered party asks, the holder approves, the party reads within the grant, the ledger shows it. */
@QuarkusTest
class GrantTest {

    @Inject
    DataSource jdbc;

    @Test
    void aPartyReadsOnlyTheGrantedFieldsAndEveryUseIsInTheHoldersLedger() {
        GrantFixtures.Holder holder = GrantFixtures.holder();
        GrantFixtures.Party bank = GrantFixtures.party();
        JsonPath request = GrantFixtures.ask(bank, holder.idNumber(), 2);
        assertEquals("PENDING", request.getString("state"));
        assertEquals(null, request.getString("certificateName"), "the party never learns which certificate it concerns");

        JsonPath inbox = GrantFixtures.awaitMessage(holder.token(), "有机构申请使用您的电子证照");
        assertTrue(inbox.getString("items[0].body").contains(bank.name()) && inbox.getString("items[0].body").contains("办理个人贷款"),
                inbox.prettify());
        given().auth().oauth2(holder.token()).get("/api/v1/wallet/grant-requests").then().statusCode(200)
                .body("items[0].id", equalTo(request.getString("id"))).body("items[0].partyCode", equalTo(bank.code()))
                .body("items[0].certificateName", equalTo("居民身份证"));

        String grant = given().auth().oauth2(holder.token()).post("/api/v1/wallet/grant-requests/" + request.getString("id") + "/approve")
                .then().statusCode(200).body("usesLeft", equalTo(2)).body("partyName", equalTo(bank.name()))
                .extract().path("id");
        JsonPath read = GrantFixtures.use(bank, grant).statusCode(200).body("fields", hasKey("持证人")).body("fields", hasKey("证照编号"))
                .body("fields", not(hasKey("办件编号"))).body("fields", not(hasKey("持证主体代码")))
                .body("usesLeft", equalTo(1)).extract().jsonPath();
        assertEquals(holder.certificateId(), read.getString("certificateId"));
        assertEquals("张三", read.getString("fields.持证人"), "granted fields are in clear");

        JsonPath ledger = given().auth().oauth2(holder.token()).get("/api/v1/me/data-usage?certificateId=" + holder.certificateId())
                .then().statusCode(200).extract().jsonPath();
        assertEquals("GRANT", ledger.getString("items[0].channel"));
        assertEquals(bank.code(), ledger.getString("items[0].partyCode"));
        assertEquals(bank.name(), ledger.getString("items[0].partyName"));
        assertEquals(grant, ledger.getString("items[0].grantId"));
        assertEquals("办理个人贷款，核验身份", ledger.getString("items[0].purpose"));
        assertEquals(List.of("证照编号", "持证人", "事项"), ledger.getList("items[0].fields"));

        given().auth().oauth2(bank.token()).get("/api/v1/relying-party/certificate-requests").then().statusCode(200)
                .body("items[0].state", equalTo("APPROVED")).body("items[0].grant.id", equalTo(grant))
                .body("items[0].grant.usesLeft", equalTo(1));
    }

    @Test
    void aRevokedGrantIsRefusedAtTheNextUse() {
        GrantFixtures.Holder holder = GrantFixtures.holder();
        GrantFixtures.Party bank = GrantFixtures.party();
        String grant = GrantFixtures.granted(bank, holder, 5);
        GrantFixtures.use(bank, grant).statusCode(200);
        given().auth().oauth2(holder.token()).post("/api/v1/wallet/grants/" + grant + "/revoke").then().statusCode(200)
                .body("revoked", equalTo(true));
        GrantFixtures.use(bank, grant).statusCode(409).body("code", equalTo("GRANT_NOT_USABLE"))
                .body("detail", org.hamcrest.Matchers.containsString("REVOKED"));
        given().auth().oauth2(holder.token()).get("/api/v1/wallet/grants").then().statusCode(200)
                .body("items[0].id", equalTo(grant)).body("items[0].revoked", equalTo(true));
    }

    @Test
    void aGrantUsedUpOrExpiredIsRefused() throws SQLException {
        GrantFixtures.Holder holder = GrantFixtures.holder();
        GrantFixtures.Party bank = GrantFixtures.party();
        String once = GrantFixtures.granted(bank, holder, 1);
        GrantFixtures.use(bank, once).statusCode(200).body("usesLeft", equalTo(0));
        GrantFixtures.use(bank, once).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("USED_UP"));

        String expiring = GrantFixtures.granted(bank, holder, 5);
        try (Connection c = jdbc.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE wallet_grant SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(expiring));
            assertEquals(1, s.executeUpdate());
        }
        GrantFixtures.use(bank, expiring).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("EXPIRED"));
    }

    @Test
    void anotherPartyCannotUseTheGrantAndAnotherResidentCannotSeeOrAnswerTheRequest() {
        GrantFixtures.Holder holder = GrantFixtures.holder();
        GrantFixtures.Party bank = GrantFixtures.party();
        GrantFixtures.Party other = GrantFixtures.party();
        String request = GrantFixtures.ask(bank, holder.idNumber(), 3).getString("id");
        String stranger = Logins.newResidentToken();
        given().auth().oauth2(stranger).get("/api/v1/wallet/grant-requests").then().statusCode(200)
                .body("items.id", not(hasItem(request)));
        given().auth().oauth2(stranger).post("/api/v1/wallet/grant-requests/" + request + "/approve").then().statusCode(404);
        given().auth().oauth2(stranger).post("/api/v1/wallet/grant-requests/" + request + "/refuse").then().statusCode(404);

        String grant = given().auth().oauth2(holder.token()).post("/api/v1/wallet/grant-requests/" + request + "/approve")
                .then().statusCode(200).extract().path("id");
        GrantFixtures.use(other, grant).statusCode(404);
        given().auth().oauth2(other.token()).get("/api/v1/relying-party/certificate-requests").then().statusCode(200)
                .body("items.id", not(hasItem(request)));
        given().auth().oauth2(stranger).post("/api/v1/wallet/grants/" + grant + "/revoke").then().statusCode(404);
        given().auth().oauth2(holder.token()).post("/api/v1/relying-party/grants/" + grant + "/use").then().statusCode(403);
        // Answered once: a second answer is refused.
        given().auth().oauth2(holder.token()).post("/api/v1/wallet/grant-requests/" + request + "/refuse").then().statusCode(409)
                .body("code", equalTo("GRANT_REQUEST_CLOSED"));
    }

    @Test
    void aRequestForNobodyLooksLikeAnyOther() {
        GrantFixtures.Party bank = GrantFixtures.party();
        JsonPath nobody = GrantFixtures.ask(bank, TestIdNumbers.unique(), 1);
        GrantFixtures.Holder holder = GrantFixtures.holder();
        JsonPath somebody = GrantFixtures.ask(bank, holder.idNumber(), 1);
        for (String key : List.of("state", "partyCode", "certificateType", "days", "maxUses")) {
            assertEquals(somebody.getString(key), nobody.getString(key), key);
        }
        assertEquals(somebody.getMap("").keySet(), nobody.getMap("").keySet());
    }

    @Test
    void deactivatingAPartyOrRotatingItsSecretStopsItsTokensAtOnce() {
        GrantFixtures.Party bank = GrantFixtures.party();
        given().auth().oauth2(bank.token()).get("/api/v1/relying-party/certificate-requests").then().statusCode(200);
        GrantFixtures.token(bank.clientId(), "rps_wrong").statusCode(401).body("code", equalTo("CREDENTIALS_INVALID"));
        GrantFixtures.token("rp_unknown", bank.secret()).statusCode(401).body("code", equalTo("CREDENTIALS_INVALID"));

        String admin = GrantFixtures.admin();
        String fresh = given().auth().oauth2(admin).post("/api/v1/admin/relying-parties/" + bank.id() + "/secret").then()
                .statusCode(200).extract().path("clientSecret");
        given().auth().oauth2(bank.token()).get("/api/v1/relying-party/certificate-requests").then().statusCode(401);
        GrantFixtures.token(bank.clientId(), bank.secret()).statusCode(401);
        String token = GrantFixtures.token(bank.clientId(), fresh).statusCode(200).extract().path("accessToken");
        given().auth().oauth2(token).get("/api/v1/relying-party/certificate-requests").then().statusCode(200);

        given().auth().oauth2(admin).post("/api/v1/admin/relying-parties/" + bank.id() + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        given().auth().oauth2(token).get("/api/v1/relying-party/certificate-requests").then().statusCode(401);
        GrantFixtures.token(bank.clientId(), fresh).statusCode(401);
        given().auth().oauth2(admin).get("/api/v1/admin/relying-parties?limit=100").then().statusCode(200)
                .body("items.code", hasItem(bank.code())).body("toString()", not(org.hamcrest.Matchers.containsString(fresh)));
        // A party's token opens nothing of a resident's or of staff.
        given().auth().oauth2(GrantFixtures.party().token()).get("/api/v1/wallet/certificates").then().statusCode(403);
    }

    @Test
    void aResidentReportsAUseAndAnAdministratorClosesTheComplaint() {
        GrantFixtures.Holder holder = GrantFixtures.holder();
        GrantFixtures.Party bank = GrantFixtures.party();
        GrantFixtures.use(bank, GrantFixtures.granted(bank, holder, 1)).statusCode(200);
        String usage = given().auth().oauth2(holder.token()).get("/api/v1/me/data-usage").then().statusCode(200)
                .extract().path("items[0].id");
        given().auth().oauth2(Logins.newResidentToken()).contentType(ContentType.JSON).body(Map.of("reason", "不认识"))
                .post("/api/v1/me/data-usage/" + usage + "/report").then().statusCode(404);
        String complaint = given().auth().oauth2(holder.token()).contentType(ContentType.JSON).body(Map.of("reason", "我没有办过贷款"))
                .post("/api/v1/me/data-usage/" + usage + "/report").then().statusCode(201)
                .body("state", equalTo("OPEN")).body("partyCode", equalTo(bank.code())).extract().path("id");
        given().auth().oauth2(holder.token()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/me/data-usage/" + usage + "/report").then().statusCode(409);

        String admin = GrantFixtures.admin();
        given().auth().oauth2(admin).get("/api/v1/admin/data-usage-complaints?state=OPEN&limit=100").then().statusCode(200)
                .body("items.id", hasItem(complaint));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("note", "经核实为您授权的正常用证"))
                .post("/api/v1/admin/data-usage-complaints/" + complaint + "/close").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("closeNote", equalTo("经核实为您授权的正常用证"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .post("/api/v1/admin/data-usage-complaints/" + complaint + "/close").then().statusCode(409);
        // The ledger line is as it was.
        given().auth().oauth2(holder.token()).get("/api/v1/me/data-usage").then().statusCode(200)
                .body("items[0].id", equalTo(usage)).body("items[0].partyName", equalTo(bank.name()))
                .body("items[0].reference", nullValue());
    }

    /** A relying party's role is honoured only alone and for its own audience: anything else is not a token of ours. */
    @Test
    void aRelyingPartyRoleOutsideItsOwnTokenShapeIsRefused() {
        GrantFixtures.Party bank = GrantFixtures.party();
        String asApp = forged(bank.id(), app.banhao.platform.security.TokenClaims.AUD_APP, java.util.Set.of("RELYING_PARTY"));
        given().auth().oauth2(asApp).get("/api/v1/relying-party/certificate-requests").then().statusCode(401);
        String withAdmin = forged(bank.id(), app.banhao.platform.security.TokenClaims.AUD_STAFF, java.util.Set.of("RELYING_PARTY", "ADMIN"));
        given().auth().oauth2(withAdmin).get("/api/v1/admin/relying-parties").then().statusCode(401);
        String withResident = forged(bank.id(), app.banhao.platform.security.TokenClaims.AUD_RELYING_PARTY,
                java.util.Set.of("RELYING_PARTY", "RESIDENT"));
        given().auth().oauth2(withResident).get("/api/v1/wallet/grants").then().statusCode(401);
        String shaped = forged(bank.id(), app.banhao.platform.security.TokenClaims.AUD_RELYING_PARTY, java.util.Set.of("RELYING_PARTY"));
        given().auth().oauth2(shaped).get("/api/v1/relying-party/certificate-requests").then().statusCode(200);
    }

    private static String forged(String subject, String audience, java.util.Set<String> groups) {
        return io.smallrye.jwt.build.Jwt.subject(subject).audience(audience).groups(groups)
                .claim(app.banhao.platform.security.TokenClaims.TYPE, app.banhao.platform.security.TokenClaims.ACCESS)
                .claim(app.banhao.platform.security.TokenClaims.SESSION, UUID.randomUUID().toString())
                .claim("jti", UUID.randomUUID().toString()).expiresIn(300).sign();
    }

    @Test
    void aHolderRefusesARequest() {
        GrantFixtures.Holder holder = GrantFixtures.holder();
        GrantFixtures.Party bank = GrantFixtures.party();
        String request = GrantFixtures.ask(bank, holder.idNumber(), 1).getString("id");
        given().auth().oauth2(holder.token()).post("/api/v1/wallet/grant-requests/" + request + "/refuse").then().statusCode(200)
                .body("state", equalTo("REFUSED"));
        given().auth().oauth2(bank.token()).get("/api/v1/relying-party/certificate-requests").then().statusCode(200)
                .body("items[0].state", equalTo("REFUSED")).body("items[0].grant", nullValue());
    }
}
