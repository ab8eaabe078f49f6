package app.banhao.application.review;

import static app.banhao.application.ApplicationFixtures.act;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.application.review.DeadlineJob;
import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/** The deadline job: 补正超时 closes the case (once, whatever the nodes), 容缺 past its day is flagged. */
@QuarkusTest
class DeadlineJobTest {

    @Inject
    DeadlineJob job;

    @Inject
    DataSource jdbc;

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aSupplementDeadlinePassedClosesTheCaseOnceWithTimelineAndMessage() throws Throwable {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String due = ApplicationFixtures.submitted(resident, dept.item());
        String notYet = ApplicationFixtures.submitted(resident, dept.item());
        for (String no : List.of(due, notYet)) {
            act(dept.reviewer(), no, "request-supplement", "{\"missing\":[\"场所证明\"]}").statusCode(200);
        }
        // The deadline is the last day allowed: yesterday's has passed, today's has not.
        update("UPDATE application SET supplement_deadline = ? WHERE application_no = ?", TODAY.minusDays(1), due);
        update("UPDATE application SET supplement_deadline = ? WHERE application_no = ?", TODAY, notYet);

        // Two nodes run the job at the same moment: the case is closed exactly once.
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(this::close);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(this::close);
        assertTrue(a.get() + b.get() >= 1);
        assertEquals(0, close(), "nothing left to close");

        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications/" + due).then().statusCode(200)
                .body("application.state", equalTo("CLOSED_TIMEOUT"))
                .body("application.decidedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications/" + notYet).then().statusCode(200)
                .body("application.state", equalTo("SUPPLEMENT_REQUIRED"));
        JsonPath timeline = given().auth().oauth2(resident).get("/api/v1/applications/" + due + "/timeline").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, timeline.getList("items.findAll { it.type == 'CLOSED_TIMEOUT' }").size(), "one closing event");
        assertEquals("SYSTEM", timeline.getString("items.find { it.type == 'CLOSED_TIMEOUT' }.actorKind"));
        assertEquals("SUPPLEMENT_REQUIRED", timeline.getString("items.find { it.type == 'CLOSED_TIMEOUT' }.fromState"));
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.findAll { it.applicationNo == '" + due + "' && it.state == 'CLOSED_TIMEOUT' }.size()", equalTo(1))
                .body("items.find { it.state == 'CLOSED_TIMEOUT' }.title", equalTo("办件因补正超时已终止"));
        // A closed case takes no late supplement.
        given().auth().oauth2(resident).contentType("application/json").body("{}")
                .post("/api/v1/applications/" + due + "/supplement").then().statusCode(409);
    }

    @Test
    void aToleratedMaterialNotSuppliedInTimeIsFlaggedForStaffAndTheResidentIsTold() throws Throwable {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        // Submitted without 场所证明, which the item tolerates (容缺) for a few working days.
        String no = ApplicationFixtures.submitted(resident, dept.item());
        assertEquals(1, update("UPDATE application_material SET supply_by = ? WHERE kind = 'TOLERATED' AND application_id ="
                + " (SELECT id FROM application WHERE application_no = ?)", TODAY.minusDays(1), no));

        assertTrue(flag() >= 1);
        flag();

        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications").then().statusCode(200)
                .body("items.find { it.applicationNo == '" + no + "' }.materialsOverdue", equalTo(true));
        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications/" + no).then().statusCode(200)
                .body("application.materials.find { it.name == '场所证明' }.overdue", equalTo(true))
                .body("application.materials.find { it.name == '申请书' }.overdue", equalTo(null));
        given().auth().oauth2(resident).header("Accept-Language", "en").get("/api/v1/me/messages").then().statusCode(200)
                .body("items.findAll { it.applicationNo == '" + no + "' && it.title == 'Tolerated material not supplied in time' }.size()",
                        equalTo(1));
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.type", hasItem("MATERIAL_OVERDUE"));

        // Supplied late after all: the flag goes with the placeholder.
        ApplicationFixtures.upload(resident, no, "场所证明", ApplicationFixtures.PDF, "lease.pdf");
        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications").then().statusCode(200)
                .body("items.find { it.applicationNo == '" + no + "' }.materialsOverdue", equalTo(false));
    }

    private int close() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> job.closeExpiredSupplements());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private int flag() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> job.flagOverdueMaterials());
    }

    private int update(String sql, LocalDate day, String no) throws Exception {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, day);
            s.setString(2, no);
            return s.executeUpdate();
        }
    }
}
