package app.banhao.application.materials;

import static app.banhao.application.ApplicationFixtures.namePart;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.SampleFiles;
import app.banhao.application.materials.CaseMaterials;
import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Uploads are judged by content and size; references and commitments by the item's rules. */
@QuarkusTest
class ApplicationMaterialsTest {

    @Test
    void uploadsAreRecognisedByContentNotByName() throws Exception {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        String url = "/api/v1/applications/" + no + "/materials";
        given().auth().oauth2(resident).multiPart(namePart("申请书")).multiPart("file", "form.pdf", ApplicationFixtures.PNG, "application/pdf")
                .post(url).then().statusCode(201).body("contentType", equalTo("image/png"))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ApplicationFixtures.PNG))));
        given().auth().oauth2(resident).multiPart(namePart("申请书")).multiPart("file", "form.pdf", "MZ\u0090 not a pdf".getBytes(), "application/pdf")
                .post(url).then().statusCode(422).body("code", equalTo("FILE_TYPE_NOT_ALLOWED"));
        // The right magic bytes in front of anything else are no PDF, PNG or JPEG.
        for (String fake : List.of("%PDF-1.7\nnot really\n%%EOF\n", "\u0089PNG\r\n\u001a\nnot really", "\u00ff\u00d8\u00ffnot really\u00ff\u00d9")) {
            given().auth().oauth2(resident).multiPart(namePart("申请书"))
                    .multiPart("file", "fake.bin", fake.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "application/pdf")
                    .post(url).then().statusCode(422).body("code", equalTo("FILE_TYPE_NOT_ALLOWED")).body("errors[0].field", equalTo("file"));
        }
        given().auth().oauth2(resident).multiPart(namePart("申请书")).multiPart("file", "photo.jpg", SampleFiles.jpeg(), "image/jpeg")
                .post(url).then().statusCode(201).body("contentType", equalTo("image/jpeg"));
        byte[] big = new byte[CaseMaterials.MAX_FILE_BYTES + 1];
        System.arraycopy(ApplicationFixtures.PDF, 0, big, 0, ApplicationFixtures.PDF.length);
        given().auth().oauth2(resident).multiPart(namePart("申请书")).multiPart("file", "big.pdf", big, "application/pdf")
                .post(url).then().statusCode(413).body("code", equalTo("FILE_TOO_LARGE"));
        given().auth().oauth2(resident).multiPart(namePart("菜谱")).multiPart("file", "x.pdf", ApplicationFixtures.PDF, "application/pdf")
                .post(url).then().statusCode(422).body("code", equalTo("UNKNOWN_MATERIAL"));
        // No file part, or an empty one: the file is what is missing, and nothing is stored.
        given().auth().oauth2(resident).multiPart(namePart("申请书")).post(url).then().statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("file"))
                .body("errors[0].code", equalTo("REQUIRED"));
        given().auth().oauth2(resident).multiPart(namePart("申请书")).multiPart("file", "empty.pdf", new byte[0], "application/pdf")
                .post(url).then().statusCode(422).body("errors[0].field", equalTo("file")).body("errors[0].code", equalTo("REQUIRED"));
        // The earlier PNG is replaced, not duplicated.
        ApplicationFixtures.upload(resident, no, "申请书", ApplicationFixtures.PDF, "form.pdf");
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("materials.size()", equalTo(1)).body("materials[0].contentType", equalTo("application/pdf"));
    }

    @Test
    void referencesNeedAWalletCertificateOrAVerifiedProfile() {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        String url = "/api/v1/applications/" + no + "/material-references";
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"name\":\"身份证\",\"kind\":\"PROFILE\"}")
                .post(url).then().statusCode(422).body("code", equalTo("PROFILE_NOT_VERIFIED"));
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"name\":\"身份证\",\"kind\":\"CERTIFICATE\",\"certificateId\":\"CERT-1\"}")
                .post(url).then().statusCode(422).body("code", equalTo("CERTIFICATE_NOT_USABLE"));
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"name\":\"申请书\",\"kind\":\"PROFILE\"}")
                .post(url).then().statusCode(422).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void aCommitmentCoversMissingProofsOnlyWhereTheItemAllowsIt() {
        String resident = Logins.newResidentToken();
        var strict = ApplicationFixtures.department(false);
        String no = ApplicationFixtures.draft(resident, strict.item()).getString("applicationNo");
        ApplicationFixtures.upload(resident, no, "申请书", ApplicationFixtures.PDF, "a.pdf");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"commitment\":{\"accepted\":true}}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(422).body("code", equalTo("COMMITMENT_NOT_ALLOWED"));

        var lenient = ApplicationFixtures.department(true);
        String ok = ApplicationFixtures.draft(resident, lenient.item()).getString("applicationNo");
        ApplicationFixtures.upload(resident, ok, "申请书", ApplicationFixtures.PDF, "a.pdf");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"commitment\":{\"accepted\":true}}")
                .post("/api/v1/applications/" + ok + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("commitment.textVersion", equalTo(lenient.item() + "@v1"))
                .body("materials.find { it.name == '身份证' }.kind", equalTo("COMMITMENT"))
                .body("materials.find { it.name == '场所证明' }.kind", equalTo("COMMITMENT"));
    }
}
