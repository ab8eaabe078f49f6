package app.banhao.application;

import static app.banhao.application.ApplicationFixtures.PDF;
import static app.banhao.application.ApplicationFixtures.PNG;
import static app.banhao.application.ApplicationFixtures.act;
import static app.banhao.application.ApplicationFixtures.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.Logins;
import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** 一件事: one merged form, a parent and a child per item in its own department, the parent following its children. */
@QuarkusTest
class ApplicationBundleTest {

    /** Creates, supplies each child's materials and submits the parent; answers the submitted parent. */
    static JsonPath submitted(String resident, ApplicationFixtures.Bundle b) {
        JsonPath parent = ApplicationFixtures.bundleDraft(resident, b.code());
        for (String child : parent.getList("bundle.children.applicationNo", String.class)) {
            upload(resident, child, "申请书", PDF, "form.pdf");
            upload(resident, child, "身份证", PNG, "id.png");
        }
        return given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + parent.getString("applicationNo") + "/submit").then().statusCode(200)
                .extract().jsonPath();
    }

    /**
     * A bundle's parent and children are made at one instant: the list's keyset (created_at, then id) pages through
     * them one at a time with no repeat and no gap, with and without a state filter.
     */
    @Test
    void applicationsMadeAtOneInstantPageOneByOne() {
        ApplicationFixtures.Bundle b = ApplicationFixtures.bundle();
        String resident = Logins.newResidentToken();
        JsonPath parent = ApplicationFixtures.bundleDraft(resident, b.code());
        List<String> made = new java.util.ArrayList<>(parent.getList("bundle.children.applicationNo", String.class));
        made.add(parent.getString("applicationNo"));
        for (String state : new String[] {null, "DRAFT"}) {
            List<String> seen = new java.util.ArrayList<>();
            String cursor = null;
            do {
                var request = given().auth().oauth2(resident).queryParam("limit", 1);
                if (state != null) {
                    request.queryParam("state", state);
                }
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/applications").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.applicationNo", String.class));
                cursor = page.getString("nextCursor");
            } while (cursor != null && seen.size() <= made.size());
            assertEquals(made.size(), seen.size(), "pages of one: " + seen);
            assertEquals(new java.util.HashSet<>(made), new java.util.HashSet<>(seen), "pages of one: " + seen);
        }
    }

    @Test
    void aBundleMakesAParentAndAChildPerItemEachInItsDepartment() {
        ApplicationFixtures.Bundle b = ApplicationFixtures.bundle();
        String resident = Logins.newResidentToken();
        JsonPath parent = ApplicationFixtures.bundleDraft(resident, b.code());
        String no = parent.getString("applicationNo");
        assertEquals("DRAFT", parent.getString("state"));
        assertEquals(b.code(), parent.getString("bundleCode"));
        assertEquals(null, parent.getString("itemCode"));
        assertEquals(List.of(b.first().item(), b.second().item()), parent.getList("bundle.children.itemCode"));
        assertEquals(List.of(b.first().code(), b.second().code()), parent.getList("bundle.children.departmentCode"));
        String firstChild = parent.getString("bundle.children[0].applicationNo");
        assertNotEquals(no, firstChild);

        // Each child holds the merged fields its item's schema has, and knows its parent.
        given().auth().oauth2(resident).get("/api/v1/applications/" + firstChild).then().statusCode(200)
                .body("parentApplicationNo", equalTo(no))
                .body("formData.applicantName", equalTo("张三"))
                .body("formData.onlyOnTheMergedForm", nullValue());
        // A child is submitted only through its parent; the parent has no materials of its own.
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + firstChild + "/submit").then().statusCode(409)
                .body("code", equalTo("BUNDLE_CHILD"));
        given().auth().oauth2(resident).multiPart(ApplicationFixtures.namePart("申请书"))
                .multiPart("file", "form.pdf", PDF, "application/pdf")
                .post("/api/v1/applications/" + no + "/materials").then().statusCode(422).body("code", equalTo("UNKNOWN_MATERIAL"));
        // Submitting the parent checks every child and names the child whose material is missing.
        given().auth().oauth2(resident).contentType(ContentType.JSON).header("Accept-Language", "en").body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(422)
                .body("code", equalTo("MATERIALS_MISSING"))
                .body("errors.field", hasItem("children[" + firstChild + "].materials[申请书]"));
        // Another resident sees none of it.
        String other = Logins.newResidentToken();
        given().auth().oauth2(other).get("/api/v1/applications/" + no).then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/applications/" + firstChild).then().statusCode(404);
        // Neither or both of itemCode and bundleCode is named.
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"formData\":{}}")
                .post("/api/v1/applications").then().statusCode(422).body("errors[0].field", equalTo("itemCode"))
                .body("detail", equalTo("请求中有 1 个字段不符合要求"));
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + b.first().item() + "\",\"bundleCode\":\"" + b.code() + "\"}")
                .post("/api/v1/applications").then().statusCode(422).body("errors[0].field", equalTo("bundleCode"));
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"bundleCode\":\"NO_SUCH_BUNDLE\"}")
                .post("/api/v1/applications").then().statusCode(422).body("code", equalTo("BUNDLE_NOT_AVAILABLE"))
                .body("errors[0].field", equalTo("bundleCode"));
    }

    @Test
    void eachReviewerSeesOnlyTheirChildAndApprovingAllApprovesTheParent() {
        ApplicationFixtures.Bundle b = ApplicationFixtures.bundle();
        String resident = Logins.newResidentToken();
        JsonPath parent = submitted(resident, b);
        String no = parent.getString("applicationNo");
        assertEquals("SUBMITTED", parent.getString("state"));
        assertEquals(List.of("SUBMITTED", "SUBMITTED"), parent.getList("bundle.children.state"));
        assertEquals(0, parent.getInt("bundle.progress.percent"));
        String first = parent.getString("bundle.children[0].applicationNo");
        String second = parent.getString("bundle.children[1].applicationNo");

        given().auth().oauth2(b.first().reviewer()).get("/api/v1/staff/applications").then().statusCode(200)
                .body("items.applicationNo", hasItem(first)).body("items.applicationNo", not(hasItem(second)))
                .body("items.applicationNo", not(hasItem(no)));
        given().auth().oauth2(b.second().reviewer()).get("/api/v1/staff/applications").then().statusCode(200)
                .body("items.applicationNo", hasItem(second)).body("items.applicationNo", not(hasItem(first)));
        given().auth().oauth2(b.second().reviewer()).get("/api/v1/staff/applications/" + first).then().statusCode(404);
        given().auth().oauth2(b.first().reviewer()).get("/api/v1/staff/applications/" + no).then().statusCode(404);

        act(b.first().reviewer(), first, "accept", "{}").statusCode(200);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        act(b.first().reviewer(), first, "approve", "{}").statusCode(200);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("state", equalTo("ACCEPTED"))
                .body("bundle.children.state", contains("APPROVED", "SUBMITTED"))
                .body("bundle.progress.approved", equalTo(1))
                .body("bundle.progress.percent", equalTo(50));
        act(b.second().reviewer(), second, "accept", "{}").statusCode(200);
        act(b.second().reviewer(), second, "approve", "{}").statusCode(200);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("decidedAt", notNullValue())
                .body("bundle.progress.percent", equalTo(100));
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                // What the decision's consumers add afterwards (the e-certificate, a postal order) may already follow.
                .body("items.type.take(4)", contains("CREATED", "SUBMITTED", "ACCEPTED", "APPROVED"))
                .body("items[3].actorKind", equalTo("SYSTEM"));
    }

    @Test
    void aRejectedChildIsVisibleOnTheParent() {
        ApplicationFixtures.Bundle b = ApplicationFixtures.bundle();
        String resident = Logins.newResidentToken();
        JsonPath parent = submitted(resident, b);
        String no = parent.getString("applicationNo");
        String first = parent.getString("bundle.children[0].applicationNo");
        String second = parent.getString("bundle.children[1].applicationNo");
        act(b.first().reviewer(), first, "accept", "{}").statusCode(200);
        act(b.first().reviewer(), first, "reject", "{\"reason\":\"经营场所不符合要求\"}").statusCode(200);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("state", equalTo("ACCEPTED"))
                .body("bundle.children.state", contains("REJECTED", "SUBMITTED"))
                .body("bundle.progress.notApproved", equalTo(1))
                .body("bundle.progress.inProgress", equalTo(1));
        act(b.second().reviewer(), second, "accept", "{}").statusCode(200);
        act(b.second().reviewer(), second, "approve", "{}").statusCode(200);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("bundle.progress.approved", equalTo(1))
                .body("bundle.progress.notApproved", equalTo(1));
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then()
                .body("items[-1].note", containsString(first));
    }

    @Test
    void withdrawingTheParentWithdrawsUndecidedChildren() {
        ApplicationFixtures.Bundle b = ApplicationFixtures.bundle();
        String resident = Logins.newResidentToken();
        JsonPath parent = submitted(resident, b);
        String no = parent.getString("applicationNo");
        String first = parent.getString("bundle.children[0].applicationNo");
        act(b.first().reviewer(), first, "accept", "{}").statusCode(200);
        act(b.first().reviewer(), first, "approve", "{}").statusCode(200);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"reason\":\"不再需要\"}")
                .post("/api/v1/applications/" + no + "/withdraw").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"))
                .body("bundle.children.state", contains("APPROVED", "WITHDRAWN"));
    }
}
