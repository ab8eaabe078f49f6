package app.banhao.application.core;

import static app.banhao.application.ApplicationFixtures.act;
import static app.banhao.application.ApplicationFixtures.submitted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every edge of DESIGN.md §5 allowed, every other refused with a 409 naming the state; If-Match 412/428. */
@QuarkusTest
class ApplicationStateMachineTest {

    private static final Map<String, String> BODIES = Map.of(
            "accept", "{}", "not-accept", "{\"reason\":\"不属于本部门\"}",
            "request-supplement", "{\"missing\":[\"场所证明\"]}", "suspend", "{\"reason\":\"专家评审\"}",
            "resume", "{}", "approve", "{}", "reject", "{\"reason\":\"不符合条件\"}");
    private static final List<String> ACTIONS = List.of("accept", "not-accept", "request-supplement", "suspend", "resume",
            "approve", "reject");
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "SUBMITTED", List.of("accept", "not-accept", "request-supplement"),
            "ACCEPTED", List.of("request-supplement", "suspend", "approve", "reject"),
            "SUPPLEMENT_REQUIRED", List.of(),
            "SUSPENDED", List.of("resume"),
            "APPROVED", List.of(), "REJECTED", List.of(), "NOT_ACCEPTED", List.of(), "WITHDRAWN", List.of());
    private static final Map<String, String> RESULT = Map.of("accept", "ACCEPTED", "not-accept", "NOT_ACCEPTED",
            "request-supplement", "SUPPLEMENT_REQUIRED", "suspend", "SUSPENDED", "resume", "ACCEPTED", "approve", "APPROVED",
            "reject", "REJECTED");

    private ApplicationFixtures.Dept dept;
    private String resident;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        dept = ApplicationFixtures.department(false);
        resident = Logins.newResidentToken();
    }

    /** A fresh application brought into {@code state} through the API. */
    private String inState(String state) {
        if (state.equals("DRAFT")) {
            return ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        }
        String no = submitted(resident, dept.item());
        switch (state) {
            case "SUBMITTED" -> {
            }
            case "ACCEPTED" -> act(dept.reviewer(), no, "accept", "{}").statusCode(200);
            case "SUPPLEMENT_REQUIRED" -> act(dept.reviewer(), no, "request-supplement", BODIES.get("request-supplement")).statusCode(200);
            case "SUSPENDED" -> {
                act(dept.reviewer(), no, "accept", "{}").statusCode(200);
                act(dept.reviewer(), no, "suspend", BODIES.get("suspend")).statusCode(200);
            }
            case "WITHDRAWN" -> given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/applications/" + no + "/withdraw").then().statusCode(200);
            case "NOT_ACCEPTED" -> act(dept.reviewer(), no, "not-accept", BODIES.get("not-accept")).statusCode(200);
            default -> {
                act(dept.reviewer(), no, "accept", "{}").statusCode(200);
                act(dept.reviewer(), no, state.equals("APPROVED") ? "approve" : "reject", BODIES.get("reject")).statusCode(200);
            }
        }
        return no;
    }

    @Test
    void staffTransitionsFollowTheStateMachine() {
        ALLOWED.forEach((state, allowed) -> {
            String refusedOn = inState(state);
            for (String action : ACTIONS) {
                if (allowed.contains(action)) {
                    act(dept.reviewer(), inState(state), action, BODIES.get(action)).statusCode(200)
                            .body("application.state", equalTo(RESULT.get(action)));
                } else {
                    act(dept.reviewer(), refusedOn, action, BODIES.get(action)).statusCode(409)
                            .body("code", equalTo("APPLICATION_STATE_CONFLICT")).body("detail", containsString(state));
                }
            }
        });
    }

    @Test
    void residentsWithdrawBeforeADecisionOnly() {
        for (String state : List.of("DRAFT", "SUBMITTED", "ACCEPTED", "SUPPLEMENT_REQUIRED", "SUSPENDED")) {
            given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"reason\":\"重新申请\"}")
                    .post("/api/v1/applications/" + inState(state) + "/withdraw").then().statusCode(200)
                    .body("state", equalTo("WITHDRAWN"));
        }
        for (String state : List.of("APPROVED", "REJECTED", "NOT_ACCEPTED", "WITHDRAWN")) {
            given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/applications/" + inState(state) + "/withdraw").then().statusCode(409)
                    .body("detail", containsString(state));
        }
        String submitted = inState("SUBMITTED");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + submitted + "/submit").then().statusCode(409).body("detail", containsString("SUBMITTED"));
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"formData\":{}}")
                .patch("/api/v1/applications/" + submitted).then().statusCode(409);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + submitted + "/supplement").then().statusCode(409);
    }

    @Test
    void aStaleOrMissingVersionIsRefused() {
        String no = inState("SUBMITTED");
        long version = ApplicationFixtures.version(dept.reviewer(), no);
        given().auth().oauth2(dept.reviewer()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/staff/applications/" + no + "/accept").then().statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));
        given().auth().oauth2(dept.reviewer()).header("If-Match", "\"" + (version - 1) + "\"").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/staff/applications/" + no + "/accept").then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        given().auth().oauth2(dept.reviewer()).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/staff/applications/" + no + "/accept").then().statusCode(200)
                .body("application.version", equalTo((int) version + 1));
        // The version just used is stale now.
        given().auth().oauth2(dept.reviewer()).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(BODIES.get("reject")).post("/api/v1/staff/applications/" + no + "/reject").then().statusCode(412);
        // A reason is required where the design says so.
        given().auth().oauth2(dept.reviewer()).header("If-Match", "\"" + (version + 1) + "\"").contentType(ContentType.JSON)
                .body("{}").post("/api/v1/staff/applications/" + no + "/reject").then().statusCode(422);
    }
}
