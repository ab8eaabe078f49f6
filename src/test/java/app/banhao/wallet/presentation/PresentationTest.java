package app.banhao.wallet.presentation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.Burst;
import app.banhao.testing.Logins;
import app.banhao.wallet.IssuerKeys;
import app.banhao.wallet.PresentationFixtures;
import app.banhao.wallet.Sm2Signatures;
import app.banhao.wallet.WalletFixtures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** 亮证 end to end: chosen fields only, single and multi use, withdrawal, status, tampering, foreign keys, replay at once. */
@QuarkusTest
class PresentationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource jdbc;

    @Inject
    PresentationKeys keys;

    @Test
    void aVerifierSeesOnlyTheChosenFieldsOnceAndTheHolderSeesTheUseInTheLedger() throws Exception {
        String holder = Logins.newResidentToken();
        String idNumber = WalletFixtures.verify(holder, "钱亮证");
        String certificate = PresentationFixtures.certificate(holder);
        JsonPath shown = PresentationFixtures.present(holder, certificate, true, 120, "持证主体");
        String token = shown.getString("token");
        assertEquals(List.of("持证主体"), shown.getList("fields"));
        // The token carries the chosen field and nothing else of the holder's.
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("钱亮证"), payload);
        assertFalse(payload.contains(idNumber), "the ID number left the server: " + payload);
        // The QR code is the token.
        assertEquals(token, decodeQr(Base64.getDecoder().decode(shown.getString("qrPng"))));
        assertTrue(shown.getString("qrSvg").startsWith("<svg"), shown.getString("qrSvg"));

        JsonPath verdict = PresentationFixtures.verify(token);
        assertTrue(verdict.getBoolean("valid"), verdict.prettify());
        assertEquals("VALID", verdict.getString("reason"));
        assertEquals(Map.of("持证主体", "钱亮证"), verdict.getMap("disclosed"));
        assertEquals("VALID", verdict.getString("certificate.status"));
        assertEquals("居民身份证", verdict.getString("certificate.name"));
        assertFalse(verdict.prettify().contains(idNumber));
        // Replayed: refused, and the ledger has the one use.
        assertEquals("ALREADY_USED", PresentationFixtures.verify(token).getString("reason"));
        given().auth().oauth2(holder).get("/api/v1/me/data-usage?certificateId=" + certificate).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].channel", equalTo("PRESENTATION"))
                .body("items[0].partyKind", equalTo("PUBLIC_VERIFIER")).body("items[0].partyCode", equalTo("127.0.*.*"))
                .body("items[0].purpose", equalTo("亮证核验（客户端自报标识：BankCounter/2.1）")).body("items[0].fields", equalTo(List.of("持证主体")))
                .body("items[0].reference", equalTo(shown.getString("id")));
        // Used up, it is no longer active.
        given().auth().oauth2(holder).get("/api/v1/wallet/presentations").then().statusCode(200)
                .body("items.id", not(hasItem(shown.getString("id"))));
    }

    @Test
    void aMultiUsePresentationVerifiesUntilTheHolderWithdrawsIt() {
        String holder = Logins.newResidentToken();
        String certificate = PresentationFixtures.certificate(holder);
        JsonPath shown = PresentationFixtures.present(holder, certificate, false, 300, "证照编号", "持证主体");
        String id = shown.getString("id");
        // Expires soon: checked at the end of this test.
        String shortLived = PresentationFixtures.present(holder, certificate, false, 10, "持证主体").getString("token");
        long started = System.currentTimeMillis();
        assertTrue(PresentationFixtures.verify(shown.getString("token")).getBoolean("valid"));
        assertEquals(List.of("证照编号", "持证主体"), List.copyOf(
                PresentationFixtures.verify(shown.getString("token")).getMap("disclosed").keySet()));
        given().auth().oauth2(holder).get("/api/v1/wallet/presentations").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.uses", equalTo(2));
        // Another resident can neither see nor withdraw it.
        String other = Logins.newResidentToken();
        given().auth().oauth2(other).post("/api/v1/wallet/presentations/" + id + "/revoke").then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/wallet/presentations").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(holder).post("/api/v1/wallet/presentations/" + id + "/revoke").then().statusCode(200)
                .body("revoked", equalTo(true)).body("uses", equalTo(2));
        given().auth().oauth2(holder).post("/api/v1/wallet/presentations/" + id + "/revoke").then().statusCode(200)
                .body("revoked", equalTo(true));
        assertEquals("PRESENTATION_REVOKED", PresentationFixtures.verify(shown.getString("token")).getString("reason"));
        given().auth().oauth2(holder).get("/api/v1/wallet/presentations").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        sleepUntil(started + 11_000);
        JsonPath expired = PresentationFixtures.verify(shortLived);
        assertEquals("EXPIRED", expired.getString("reason"), expired.prettify());
        assertFalse(expired.getBoolean("valid"));
    }

    @Test
    void makingAndWithdrawingAPresentationAreAudited() throws Exception {
        String holder = Logins.newResidentToken();
        String certificate = PresentationFixtures.certificate(holder);
        String id = PresentationFixtures.present(holder, certificate, false, 300, "持证主体代码").getString("id");
        given().auth().oauth2(holder).post("/api/v1/wallet/presentations/" + id + "/revoke").then().statusCode(200);
        // The token carries the chosen fields in clear, like a reveal: who made it, of what, with which fields.
        try (java.sql.Connection c = jdbc.getConnection();
                java.sql.PreparedStatement q = c.prepareStatement("SELECT action, actor_type, details->>'certificateId',"
                        + " details->'fields'->>0 FROM audit_log WHERE target_type = 'presentation' AND target_id = ?"
                        + " ORDER BY occurred_at, action")) {
            q.setString(1, id);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "no audit line for the presentation's creation");
                assertEquals("wallet.presentation.create", rs.getString(1));
                assertEquals(certificate, rs.getString(3));
                assertEquals("持证主体代码", rs.getString(4));
                assertTrue(rs.next(), "no audit line for its withdrawal");
                assertEquals("wallet.presentation.revoke", rs.getString(1));
            }
        }
    }

    @Test
    void aSuspendedOrRevokedCertificateIsRefusedAndCannotBeShown() {
        String holder = Logins.newResidentToken();
        WalletFixtures.ensureVerified(holder);
        String department = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String certificate = WalletFixtures.issued(holder, department).getString("items[0].id");
        String token = PresentationFixtures.present(holder, certificate, false, 120, "持证主体").getString("token");
        String reviewer = ApplicationFixtures.issuingDepartment(department, WalletFixtures.TYPE).reviewer();
        String status = "/api/v1/staff/certificates/" + certificate + "/status";
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"status\":\"SUSPENDED\",\"reason\":\"核查中\"}")
                .post(status).then().statusCode(200);
        JsonPath suspended = PresentationFixtures.verify(token);
        assertEquals("CERTIFICATE_SUSPENDED", suspended.getString("reason"));
        assertEquals("SUSPENDED", suspended.getString("certificate.status"));
        assertEquals(null, (Object) suspended.get("disclosed"));
        given().auth().oauth2(holder).contentType(ContentType.JSON).body(request(certificate, "\"持证主体\""))
                .post("/api/v1/wallet/presentations").then().statusCode(409)
                .body("code", equalTo("CERTIFICATE_NOT_PRESENTABLE"));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"status\":\"REVOKED\",\"reason\":\"证照信息有误\"}")
                .post(status).then().statusCode(200);
        assertEquals("CERTIFICATE_REVOKED", PresentationFixtures.verify(token).getString("reason"));
    }

    @Test
    void aCertificatePastItsLastDayIsExpiredAndItsPresentationIsNotCounted() throws Exception {
        String holder = Logins.newResidentToken();
        WalletFixtures.ensureVerified(holder);
        String department = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String certificate = WalletFixtures.issued(holder, department).getString("items[0].id");
        String token = PresentationFixtures.present(holder, certificate, false, 120, "持证主体").getString("token");
        // The row still says VALID: the day decides (Certificate.statusOn, and the verification's statement alike).
        try (Connection c = jdbc.getConnection(); PreparedStatement q = c.prepareStatement(
                "UPDATE wallet_certificate SET valid_to = current_date - 2 WHERE id = ?::uuid")) {
            q.setString(1, certificate);
            assertEquals(1, q.executeUpdate());
        }
        JsonPath expired = PresentationFixtures.verify(token);
        assertEquals("CERTIFICATE_EXPIRED", expired.getString("reason"));
        assertEquals(null, (Object) expired.get("disclosed"));
        try (Connection c = jdbc.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT p.uses, (SELECT count(*) FROM wallet_certificate_use u WHERE u.reference = p.id::text)"
                        + " FROM wallet_presentation p WHERE p.certificate_id = ?::uuid");
                ResultSet rs = executed(q, certificate)) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "an expired certificate's presentation was counted as used");
            assertEquals(0, rs.getInt(2), "an expired certificate's presentation left a ledger line");
        }
    }

    private static ResultSet executed(PreparedStatement q, String certificate) throws java.sql.SQLException {
        q.setString(1, certificate);
        return q.executeQuery();
    }

    @Test
    void badRequestsAreRefused() {
        String holder = Logins.newResidentToken();
        String certificate = PresentationFixtures.certificate(holder);
        String url = "/api/v1/wallet/presentations";
        given().auth().oauth2(holder).contentType(ContentType.JSON).body(request(certificate, "\"血型\"")).post(url).then()
                .statusCode(422).body("code", equalTo("PRESENTATION_FIELD_UNKNOWN"));
        given().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(request(certificate, "\"持证主体\"").replace("}", ",\"lifetimeSeconds\":301}")).post(url).then().statusCode(422);
        // Someone else's certificate is no certificate of theirs.
        given().auth().oauth2(Logins.newResidentToken()).contentType(ContentType.JSON).body(request(certificate, "\"持证主体\""))
                .post(url).then().statusCode(404);
        given().contentType(ContentType.JSON).body(request(certificate, "\"持证主体\"")).post(url).then().statusCode(401);
    }

    @Test
    void tamperedMalformedAndForeignTokensAreRefused() throws Exception {
        String holder = Logins.newResidentToken();
        String certificate = PresentationFixtures.certificate(holder);
        String token = PresentationFixtures.present(holder, certificate, false, 120, "持证主体").getString("token");
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));

        // A disclosed value changed, the service's signature kept.
        ObjectNode changed = payload.deepCopy();
        ((ArrayNode) changed.withArray("disclosures").get(0)).set(2, JSON.getNodeFactory().textNode("孙冒名"));
        assertEquals("TAMPERED", PresentationFixtures.verify(parts[0] + "." + encode(changed) + "." + parts[2]).getString("reason"));
        // Signed with a key that is not published, under an unknown or an issuer's key id.
        var foreign = (ECPrivateKeyParameters) Sm2Signatures.generate().getPrivate();
        ObjectNode unknownKey = payload.deepCopy().put("kid", "ATTACKER-1");
        assertEquals("FOREIGN_KEY", PresentationFixtures.verify(signed(unknownKey, foreign)).getString("reason"));
        ObjectNode issuerKey = payload.deepCopy().put("kid", payload.at("/sd/keyId").asText());
        assertEquals("FOREIGN_KEY", PresentationFixtures.verify(signed(issuerKey, foreign)).getString("reason"));
        ObjectNode ownKey = payload.deepCopy();
        ((ArrayNode) ownKey.withArray("disclosures").get(0)).set(2, JSON.getNodeFactory().textNode("孙冒名"));
        assertEquals("TAMPERED", PresentationFixtures.verify(signed(ownKey, foreign)).getString("reason"));
        for (String bad : List.of("hello", "BHP1.e30.AAAA", "BHP1..", token.replace("BHP1", "BHP2"), parts[0] + "." + parts[1])) {
            assertEquals("MALFORMED", PresentationFixtures.verify(bad).getString("reason"), bad);
        }
        // None of these is a use.
        given().auth().oauth2(holder).get("/api/v1/me/data-usage?certificateId=" + certificate).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void onlyTheTokenAsIssuedIsAcceptedEvenWithTheServiceKeysOwnSignature() throws Throwable {
        String holder = Logins.newResidentToken();
        String certificate = PresentationFixtures.certificate(holder);
        String token = PresentationFixtures.present(holder, certificate, true, 120, "持证主体").getString("token");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        // Made multi-use and re-signed with the service's own key (as a leaked key could): every signature checks, the
        // issuer's digests too, but it is not the token that was issued.
        IssuerKeys.Signer service = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(keys::signer));
        String altered = signed(payload.deepCopy().put("once", false), service.key());
        assertEquals("TAMPERED", PresentationFixtures.verify(altered).getString("reason"));
        ObjectNode otherValue = payload.deepCopy();
        ((ArrayNode) otherValue.withArray("disclosures").get(0)).set(2, JSON.getNodeFactory().textNode("孙冒名"));
        assertEquals("TAMPERED", PresentationFixtures.verify(signed(otherValue, service.key())).getString("reason"));
        given().auth().oauth2(holder).get("/api/v1/me/data-usage?certificateId=" + certificate).then().statusCode(200)
                .body("items", hasSize(0));
        // A scanner's stray spaces do not make the issued token another one.
        assertEquals("VALID", PresentationFixtures.verify(" " + token + "\\n").getString("reason"));
        assertEquals("ALREADY_USED", PresentationFixtures.verify(token).getString("reason"));
    }

    @Test
    void aPresentationMadeBeforeTokenDigestsWereKeptIsVerifiedByItsSignature() throws Exception {
        String holder = Logins.newResidentToken();
        String certificate = PresentationFixtures.certificate(holder);
        JsonPath shown = PresentationFixtures.present(holder, certificate, false, 120, "持证主体");
        try (Connection c = jdbc.getConnection();
                PreparedStatement q = c.prepareStatement("UPDATE wallet_presentation SET token_digest = NULL WHERE id = ?")) {
            q.setObject(1, UUID.fromString(shown.getString("id")));
            assertEquals(1, q.executeUpdate());
        }
        String token = shown.getString("token");
        assertEquals("VALID", PresentationFixtures.verify(token).getString("reason"));
        String[] parts = token.split("\\.");
        ObjectNode changed = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((ArrayNode) changed.withArray("disclosures").get(0)).set(2, JSON.getNodeFactory().textNode("孙冒名"));
        assertEquals("TAMPERED", PresentationFixtures.verify(parts[0] + "." + encode(changed) + "." + parts[2]).getString("reason"));
    }

    @Test
    void ofAHundredVerificationsOfASingleUsePresentationAtOnceExactlyOneIsValid() throws Exception {
        String holder = Logins.newResidentToken();
        String certificate = PresentationFixtures.certificate(holder);
        JsonPath shown = PresentationFixtures.present(holder, certificate, true, 300, "持证主体");
        List<Burst.Outcome> outcomes = verifiedAtOnce(100, shown.getString("token"));
        Map<String, Integer> reasons = new TreeMap<>();
        for (Burst.Outcome o : outcomes) {
            assertEquals(200, o.answer().statusCode(), o.answer().asString());
            reasons.merge(o.answer().jsonPath().getString("reason"), 1, Integer::sum);
        }
        assertEquals(Map.of("VALID", 1, "ALREADY_USED", 99), reasons);
        try (Connection c = jdbc.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT p.uses, (SELECT count(*) FROM wallet_certificate_use u WHERE u.reference = p.id::text)"
                        + " FROM wallet_presentation p WHERE p.id = ?")) {
            q.setObject(1, UUID.fromString(shown.getString("id")));
            try (ResultSet row = q.executeQuery()) {
                assertTrue(row.next());
                assertEquals(1, row.getInt(1), "uses counted");
                assertEquals(1, row.getInt(2), "ledger lines");
            }
        }
    }

    /**
     * The per-client limit is leased ({@code RateLimiter.Limit#leased}): requests that find this node's lease empty wait
     * for one fetch from Redis, and each must go on in its own request's context (it went on in the fetcher's once, and
     * parallel verifications then shared one database session: 500s, then no answers at all).
     */
    @Test
    void twoHundredVerificationsOfAMultiUsePresentationAtOnceAreAllValid() throws Exception {
        String holder = Logins.newResidentToken();
        String certificate = PresentationFixtures.certificate(holder);
        JsonPath shown = PresentationFixtures.present(holder, certificate, false, 300, "持证主体");
        for (int round = 0; round < 3; round++) {
            List<Burst.Outcome> outcomes = verifiedAtOnce(Burst.ATTEMPTS, shown.getString("token"));
            Map<String, Integer> answers = new TreeMap<>();
            for (Burst.Outcome o : outcomes) {
                answers.merge(o.answer() == null ? o.failure().toString()
                        : o.answer().statusCode() + " " + o.answer().jsonPath().getString("reason"), 1, Integer::sum);
            }
            assertEquals(Map.of("200 VALID", Burst.ATTEMPTS), answers, "round " + round);
        }
        given().auth().oauth2(holder).get("/api/v1/wallet/presentations").then().statusCode(200)
                .body("items.find { it.id == '" + shown.getString("id") + "' }.uses", equalTo(3 * Burst.ATTEMPTS));
    }

    @Test
    void aCertificateIssuedBeforeSelectiveDisclosureIsSignedOnItsFirstPresentation() throws Exception {
        String holder = Logins.newResidentToken();
        String certificate = PresentationFixtures.certificate(holder);
        try (Connection c = jdbc.getConnection();
                PreparedStatement d = c.prepareStatement("DELETE FROM wallet_certificate_disclosure WHERE certificate_id = ?")) {
            d.setObject(1, UUID.fromString(certificate));
            assertEquals(1, d.executeUpdate(), "issued with its digest list");
        }
        String token = PresentationFixtures.present(holder, certificate, true, 60, "持证主体").getString("token");
        assertTrue(PresentationFixtures.verify(token).getBoolean("valid"));
        // Made once: the next presentation uses the same signed list.
        String again = PresentationFixtures.present(holder, certificate, true, 60, "持证主体").getString("token");
        assertEquals(JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sdSig"),
                JSON.readTree(Base64.getUrlDecoder().decode(again.split("\\.")[1])).get("sdSig"));
    }

    /** {@code attempts} public verifications of {@code token} released at the same instant. */
    private static List<Burst.Outcome> verifiedAtOnce(int attempts, String token) throws InterruptedException {
        String body = "{\"token\":\"" + token + "\"}";
        return Burst.fire(attempts, i -> given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/wallet/presentations/verify"));
    }

    private static String request(String certificate, String fields) {
        return "{\"certificateId\":\"" + certificate + "\",\"fields\":[" + fields + "]}";
    }

    private static String signed(ObjectNode payload, ECPrivateKeyParameters key) throws Exception {
        String input = "BHP1." + encode(payload);
        return input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Sm2Signatures.sign(key, input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(ObjectNode payload) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload));
    }

    static String decodeQr(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        // A rendered symbol, not a photo: read as one (PURE_BARCODE, the modules sampled from the image's own grid).
        // Located like a camera image, a symbol of random content once failed to read in CI (FormatException).
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    private static void sleepUntil(long millis) {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
