package app.banhao.wallet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.CaseEvent;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.platform.time.BusinessClock;
import app.banhao.staff.DemoAccounts;
import app.banhao.testing.TestIdNumbers;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The wallet end to end: issued on approval, held, shown masked, revealed, verified offline, suspended and revoked. */
@QuarkusTest
class WalletTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IssuerKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource jdbc;

    @Inject
    CertificateIssuer issuer;

    @Inject
    ExpiryNotices expiry;

    private static String department() {
        return "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void anApprovalIssuesOneSignedCertificateOnTheTimelineAndInTheInbox() throws Exception {
        String resident = Logins.newResidentToken();
        String idNumber = WalletFixtures.verify(resident, "王小明");
        var dept = ApplicationFixtures.issuingDepartment(department(), WalletFixtures.TYPE);
        String no = WalletFixtures.approved(resident, dept);
        JsonPath page = WalletFixtures.awaitCount(resident, 1);
        String id = page.getString("items[0].id");
        assertEquals("居民身份证", page.getString("items[0].name"));
        assertEquals("王**", page.getString("items[0].holderName"));
        assertEquals("VALID", page.getString("items[0].status"));

        var detail = given().auth().oauth2(resident).get("/api/v1/wallet/certificates/" + id).then().statusCode(200)
                .body("masked", equalTo(true)).body("holderCode", equalTo(idNumber.substring(0, 3) + "***********" + idNumber.substring(14)))
                .body("holderCodeType", equalTo("111")).body("trustLevel", equalTo("A"))
                .body("fields.持证人", equalTo("王**")).body("fields.办件编号", equalTo(no))
                .body("face.title", equalTo("居民身份证")).body("signedDocument", nullValue())
                .body("signature.algorithm", equalTo("SM3withSM2")).extract().jsonPath();
        assertTrue(CertificateIdentifier.valid(detail.getString("identifier")), detail.getString("identifier"));
        assertTrue(detail.getString("identifier").startsWith("1.2.156.3005.2."));
        assertFalse(given().auth().oauth2(resident).get("/api/v1/wallet/certificates/" + id).asString().contains(idNumber));

        // The case's timeline and the inbox heard of it (the certificate's own event, delivered in a later round).
        OutboxSteps.drain(relay);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.kind", hasItem("CERTIFICATE_ISSUED")).body("items.text", hasItem("签发电子证照：居民身份证"));
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.title", hasItem("您的卡包新增了一张电子证照"));

        // The approval delivered again (at-least-once) issues nothing more.
        UUID applicationId;
        try (Connection c = jdbc.getConnection(); PreparedStatement q = c.prepareStatement("SELECT id FROM application WHERE application_no = ?")) {
            q.setString(1, no);
            try (ResultSet row = q.executeQuery()) {
                assertTrue(row.next());
                applicationId = row.getObject(1, UUID.class);
            }
        }
        CaseEvent approval = new CaseEvent(CaseEvent.APPROVED, no, applicationId, residentId(resident), dept.item(), "测试",
                dept.code(), ApplicationStatus.ACCEPTED, ApplicationStatus.APPROVED, "APPROVED", null, 9, java.time.OffsetDateTime.now(), "SYSTEM", null, null, null);
        OutboxSteps.publish(outbox, approval);
        OutboxSteps.drain(relay);
        given().auth().oauth2(resident).get("/api/v1/wallet/certificates").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aRevealedCertificateVerifiesOfflineWithThePublishedKeyAlone() throws Exception {
        String resident = Logins.newResidentToken();
        String idNumber = WalletFixtures.verify(resident, "赵六");
        String department = department();
        String first = WalletFixtures.issued(resident, department).getString("items[0].id");
        var revealed = given().auth().oauth2(resident).post("/api/v1/wallet/certificates/" + first + "/reveal").then()
                .statusCode(200).body("masked", equalTo(false)).body("holderName", equalTo("赵六"))
                .body("holderCode", equalTo(idNumber)).body("signedDocument.holderCode", equalTo(idNumber))
                .extract().asString();
        assertTrue(verifiesOffline(revealed));

        // Tampered: the same signature over another holder does not verify.
        JsonNode tampered = JSON.readTree(revealed);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tampered.get("signedDocument")).put("holderName", "钱七");
        assertFalse(verifiesOffline(tampered.toString()));

        // After a rotation the department signs with a new key; the old certificate still verifies.
        OutboxSteps.await(() -> Panache.withTransaction(() -> keys.rotate(department)));
        WalletFixtures.approved(resident, ApplicationFixtures.issuingDepartment(department, WalletFixtures.TYPE));
        String second = WalletFixtures.awaitCount(resident, 2).getString("items[0].id");
        String secondRevealed = given().auth().oauth2(resident).post("/api/v1/wallet/certificates/" + second + "/reveal").then()
                .statusCode(200).extract().asString();
        assertNotEquals(JSON.readTree(revealed).at("/signature/keyId").asText(), JSON.readTree(secondRevealed).at("/signature/keyId").asText());
        assertTrue(verifiesOffline(secondRevealed));
        assertTrue(verifiesOffline(given().auth().oauth2(resident).post("/api/v1/wallet/certificates/" + first + "/reveal")
                .then().statusCode(200).extract().asString()));
        given().get("/api/v1/wallet/issuer-keys").then().statusCode(200)
                .body("keys.findAll { it.departmentCode == '" + department + "' }", hasSize(2))
                .body("keys.findAll { it.departmentCode == '" + department + "' && it.validTo != null }", hasSize(1));
    }

    @Test
    void issuerKeysArePublicAndConditional() {
        String resident = Logins.newResidentToken();
        WalletFixtures.verify(resident, "孙八");
        WalletFixtures.issued(resident, department());
        String etag = given().get("/api/v1/wallet/issuer-keys").then().statusCode(200)
                .body("signatureAlgorithm", equalTo("SM3withSM2")).body("canonicalization", equalTo("RFC8785"))
                .body("keys.size()", org.hamcrest.Matchers.greaterThan(0)).header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/wallet/issuer-keys").then().statusCode(304);
    }

    @Test
    void anotherResidentSeesNothingAndAnUnverifiedApplicantGetsNoCertificate() {
        String owner = Logins.newResidentToken();
        WalletFixtures.verify(owner, "周九");
        String id = WalletFixtures.issued(owner, department()).getString("items[0].id");
        String other = Logins.newResidentToken();
        given().auth().oauth2(other).get("/api/v1/wallet/certificates/" + id).then().statusCode(404);
        given().auth().oauth2(other).post("/api/v1/wallet/certificates/" + id + "/reveal").then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/wallet/certificates").then().statusCode(200).body("items", hasSize(0));

        // Approved without a verified name and ID number: nothing to put on a certificate.
        String unverified = Logins.newResidentToken();
        String no = WalletFixtures.approved(unverified, ApplicationFixtures.issuingDepartment(department(), WalletFixtures.TYPE));
        given().auth().oauth2(unverified).get("/api/v1/applications/" + no).then().statusCode(200).body("state", equalTo("APPROVED"));
        given().auth().oauth2(unverified).get("/api/v1/wallet/certificates").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aHeldValidCertificateStandsInForAMaterialUntilTheDepartmentRevokesIt() throws Exception {
        String resident = Logins.newResidentToken();
        WalletFixtures.verify(resident, "吴十");
        String department = department();
        String id = WalletFixtures.issued(resident, department).getString("items[0].id");
        var dept = ApplicationFixtures.department(false);
        String reference = "{\"name\":\"身份证\",\"kind\":\"CERTIFICATE\",\"certificateId\":\"" + id + "\"}";
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(reference)
                .post("/api/v1/applications/" + no + "/material-references").then().statusCode(201)
                .body("kind", equalTo("CERTIFICATE"));
        // A draft is read by nobody: the department's use begins at submission.
        given().auth().oauth2(resident).get("/api/v1/me/data-usage?certificateId=" + id).then().statusCode(200)
                .body("items", hasSize(0));
        submitWithForm(resident, no);
        String identifier = given().auth().oauth2(resident).get("/api/v1/wallet/certificates/" + id).then().extract().path("identifier");
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("materials.find { it.name == '身份证' }.certificateIdentifier", equalTo(identifier));
        // The deciding department's use is in the holder's ledger.
        given().auth().oauth2(resident).get("/api/v1/me/data-usage?certificateId=" + id).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].channel", equalTo("MATERIAL"))
                .body("items[0].partyCode", equalTo(dept.code())).body("items[0].reference", equalTo(no))
                .body("items[0].fields", hasItem("持证主体代码"));
        // Someone else's certificate is no certificate of theirs.
        String other = Logins.newResidentToken();
        String otherNo = ApplicationFixtures.draft(other, dept.item()).getString("applicationNo");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(reference)
                .post("/api/v1/applications/" + otherNo + "/material-references").then().statusCode(422)
                .body("code", equalTo("CERTIFICATE_NOT_USABLE"));

        // Status by staff: another department's reviewer finds nothing; a reason is required; revoked is final.
        String otherReviewer = ApplicationFixtures.department(false).reviewer();
        String reviewer = ApplicationFixtures.issuingDepartment(department, WalletFixtures.TYPE).reviewer();
        String status = "/api/v1/staff/certificates/" + id + "/status";
        given().auth().oauth2(otherReviewer).contentType(ContentType.JSON).body("{\"status\":\"REVOKED\",\"reason\":\"x\"}")
                .post(status).then().statusCode(404);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"status\":\"REVOKED\"}")
                .post(status).then().statusCode(422);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"status\":\"SUSPENDED\",\"reason\":\"核查中\"}")
                .post(status).then().statusCode(200).body("status", equalTo("SUSPENDED")).body("masked", equalTo(true));
        given().auth().oauth2(resident).get("/api/v1/me/data-usage").then().statusCode(200)
                .body("items[0].channel", equalTo("STAFF_STATUS")).body("items[0].partyCode", equalTo(department))
                .body("items[0].purpose", equalTo("证照状态变更：核查中")).body("items[1].channel", equalTo("MATERIAL"));
        given().auth().oauth2(other).get("/api/v1/me/data-usage").then().statusCode(200).body("items", hasSize(0));
        long index = given().auth().oauth2(resident).get("/api/v1/wallet/certificates/" + id).then().statusCode(200)
                .extract().jsonPath().getLong("statusListIndex");
        assertTrue(listedOffline(department, "suspension", index));
        assertFalse(listedOffline(department, "revocation", index));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"status\":\"REVOKED\",\"reason\":\"证照信息有误\"}")
                .post(status).then().statusCode(200).body("status", equalTo("REVOKED"));
        assertTrue(listedOffline(department, "revocation", index));
        assertFalse(listedOffline(department, "suspension", index));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"status\":\"VALID\",\"reason\":\"误操作\"}")
                .post(status).then().statusCode(409).body("code", equalTo("CERTIFICATE_STATUS_CONFLICT"));
        given().auth().oauth2(resident).get("/api/v1/wallet/certificates/" + id).then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        String later = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(reference)
                .post("/api/v1/applications/" + later + "/material-references").then().statusCode(422)
                .body("code", equalTo("CERTIFICATE_NOT_USABLE"));
    }

    /** Uploads the fixture item's other material (申请书) and submits the draft. */
    static void submitWithForm(String resident, String no) {
        ApplicationFixtures.upload(resident, no, "申请书", ApplicationFixtures.PDF, "form.pdf");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200);
    }

    @Test
    void theDemoResidentsWalletHoldsTheLibrarysCertificatesFilteredByType() {
        String demo = given().contentType(ContentType.JSON)
                .body("{\"phone\":\"" + DemoAccounts.RESIDENT_PHONE + "\",\"password\":\"" + DemoAccounts.RESIDENT_PASSWORD + "\"}")
                .post("/api/v1/auth/password-login").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(demo).get("/api/v1/wallet/certificates?limit=100").then().statusCode(200)
                .body("items.typeCode", org.hamcrest.Matchers.hasItems("RESIDENT_ID_CARD", "HOUSEHOLD_REGISTER", "DRIVING_LICENCE",
                        "MARRIAGE_CERT", "BUSINESS_LICENSE"));
        var licence = given().auth().oauth2(demo).get("/api/v1/wallet/certificates?type=BUSINESS_LICENSE").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].holderName", equalTo("长沙办好便民服务有限公司")).extract().path("items[0].id");
        given().auth().oauth2(demo).get("/api/v1/wallet/certificates/" + licence).then().statusCode(200)
                .body("holderCodeType", equalTo("001")).body("fields.法定代表人", equalTo("张**"))
                .body("fields.住所", not(equalTo("湖南省长沙市岳麓区麓谷大道 627 号")));
        // Paged like every list.
        JsonPath first = given().auth().oauth2(demo).get("/api/v1/wallet/certificates?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).extract().jsonPath();
        given().auth().oauth2(demo).queryParam("cursor", first.getString("nextCursor")).get("/api/v1/wallet/certificates?limit=2")
                .then().statusCode(200).body("items.id", not(hasItem(first.getString("items[0].id"))));
    }

    @Test
    void personalDataIsEncryptedAtRestAndTheLedgerIsAppendOnly() throws Exception {
        String resident = Logins.newResidentToken();
        String idNumber = WalletFixtures.verify(resident, "郑十一");
        String id = WalletFixtures.issued(resident, department()).getString("items[0].id");
        var dept = ApplicationFixtures.department(false);
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"name\":\"身份证\",\"kind\":\"CERTIFICATE\",\"certificateId\":\"" + id + "\"}")
                .post("/api/v1/applications/" + no + "/material-references").then().statusCode(201);
        submitWithForm(resident, no);
        try (Connection c = jdbc.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT * FROM wallet_certificate WHERE id = ?")) {
                q.setObject(1, UUID.fromString(id));
                try (ResultSet row = q.executeQuery()) {
                    assertTrue(row.next());
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        byte[] stored = row.getBytes(i);
                        String text = stored == null ? "" : new String(stored, StandardCharsets.UTF_8);
                        assertFalse(text.contains(idNumber) || text.contains("郑十一"), row.getMetaData().getColumnName(i) + " in clear");
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE wallet_certificate_use SET purpose = 'x' WHERE certificate_id = ?")) {
                u.setObject(1, UUID.fromString(id));
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, u::executeUpdate);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
    }

    @Test
    void aHolderIsToldOnceThatACertificateExpiresWithinThirtyDays() throws Exception {
        String resident = Logins.newResidentToken();
        UUID holder = residentId(resident);
        // An ID card is valid 20 years: issued 20 years less 10 days ago, its last day is 9 days away.
        LocalDate from = LocalDate.now(BusinessClock.ZONE).minusYears(20).plusDays(10);
        CertificateDraft draft = new CertificateDraft("RESIDENT_ID_CARD", holder, "陈十三", TestIdNumbers.unique(),
                Certificate.CITIZEN_ID, null, department(), "测试公安局", Map.of("姓名", "陈十三"), from, from,
                Certificate.Source.IMPORTED, "EXPIRY-" + UUID.randomUUID());
        OutboxSteps.await(() -> Panache.withTransaction(() -> issuer.issue(draft)));
        // Twice (and the scheduled run may come between): the holder is still told once.
        OutboxSteps.await(expiry::noticeDue);
        OutboxSteps.await(expiry::noticeDue);
        drainAll();
        given().auth().oauth2(resident).get("/api/v1/wallet/certificates").then().statusCode(200)
                .body("items[0].validTo", equalTo(from.plusYears(20).minusDays(1).toString()))
                .body("items[0].status", equalTo("VALID"));
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.findAll { it.title == '电子证照即将到期' }", hasSize(1));
    }

    @Test
    void statusListsAreConditionalAndOnlyForIssuers() {
        String resident = Logins.newResidentToken();
        WalletFixtures.verify(resident, "冯十二");
        String department = department();
        WalletFixtures.issued(resident, department);
        String url = "/api/v1/wallet/status-lists/" + department + "/revocation";
        String etag = given().get(url).then().statusCode(200).body("document.size", equalTo(131072))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get(url).then().statusCode(304);
        given().get("/api/v1/wallet/status-lists/NO-SUCH-DEPT/revocation").then().statusCode(404);
    }

    /**
     * Whether the certificate at {@code index} is set in the department's {@code purpose} list, after checking the
     * list's signature with the published key, Bouncy Castle and JCS only: no Banhao code.
     */
    private static boolean listedOffline(String department, String purpose, long index) throws Exception {
        JsonNode list = JSON.readTree(given().get("/api/v1/wallet/status-lists/" + department + "/" + purpose).then()
                .statusCode(200).extract().asString());
        assertTrue(verifies(list.get("document").toString(), list.get("signature")), "the status list's signature");
        String encoded = list.at("/document/encodedList").asText();
        assertTrue(encoded.startsWith("u"), encoded);
        byte[] bits;
        try (var zip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = zip.readAllBytes();
        }
        assertEquals(list.at("/document/size").asInt() / 8, bits.length);
        return (bits[(int) (index / 8)] & (0x80 >>> (index % 8))) != 0;
    }

    /** Verifies a revealed certificate with Bouncy Castle, JCS and the published keys only: no Banhao code. */
    private static boolean verifiesOffline(String revealed) throws Exception {
        JsonNode certificate = JSON.readTree(revealed);
        return verifies(certificate.get("signedDocument").toString(), certificate.get("signature"));
    }

    /** SM3withSM2 over the RFC 8785 form of {@code document}, with the published key the signature names. */
    private static boolean verifies(String document, JsonNode signature) throws Exception {
        JsonNode keySet = JSON.readTree(given().get("/api/v1/wallet/issuer-keys").then().statusCode(200).extract().asString());
        JsonNode key = null;
        for (JsonNode k : keySet.get("keys")) {
            if (k.get("keyId").asText().equals(signature.get("keyId").asText())) {
                key = k;
            }
        }
        assertTrue(key != null, "key " + signature.get("keyId") + " is published");
        // Bouncy Castle's JCA provider, which the service itself does not register: a verifier of its own.
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        PublicKey publicKey = KeyFactory.getInstance("EC", "BC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));
        Signature sm2 = Signature.getInstance(keySet.get("signatureAlgorithm").asText(), "BC");
        sm2.initVerify(publicKey);
        sm2.update(new JsonCanonicalizer(document).getEncodedUTF8());
        return sm2.verify(Base64.getDecoder().decode(signature.get("value").asText()));
    }

    /** Drains until nothing is left: an event waits behind its certificate's earlier ones (in order per certificate). */
    private void drainAll() throws Exception {
        for (int round = 0; round < 10 && OutboxSteps.await(relay::drain) > 0; round++) {
            // again: what waited behind the events just delivered is due now
        }
    }

    private static UUID residentId(String token) {
        return UUID.fromString(given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("id"));
    }
}
