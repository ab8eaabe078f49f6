package app.banhao.application.core;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.transaction.SqlStatement;
import app.banhao.testing.Logins;
import app.banhao.testing.SameFields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The rows a writer of its own sends for an application and its history ({@link ApplicationRepository#insert},
 * {@link ApplicationEventRepository#insert}) read back through Hibernate as the entities they were made from, every
 * mapped field set: a field added to an entity and not to its statement fails here, not in a resident's case. The same
 * for what a submission reads and writes as statements.
 */
@QuarkusTest
class ApplicationInsertTest {

    @Inject
    ApplicationRepository applications;

    @Inject
    ApplicationEventRepository events;

    @Inject
    ApplicationMaterialRepository materials;

    @Inject
    Pool pool;

    @Test
    void anApplicationAndItsHistoryWrittenAsStatementsReadBackAsTheirEntities() throws Throwable {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(true);
        String resident = Logins.newResidentToken();
        UUID residentId = UUID.fromString(given().auth().oauth2(resident).get("/api/v1/me").then().statusCode(200)
                .extract().path("id"));
        Application parent = everyField(residentId, dept, null);
        Application child = everyField(residentId, dept, parent.id);
        ApplicationEvent event = new ApplicationEvent();
        event.id = UUID.randomUUID();
        event.applicationId = child.id;
        event.at = OffsetDateTime.of(2026, 12, 5, 9, 30, 1, 123_456_000, ZoneOffset.UTC);
        event.actorKind = "STAFF";
        event.actorId = "staff-7";
        event.actorDisplay = "李四";
        event.fromState = ApplicationStatus.SUBMITTED;
        event.toState = ApplicationStatus.SUPPLEMENT_REQUIRED;
        event.type = "SUPPLEMENT_REQUIRED";
        event.note = "请补正营业执照";

        List<SqlStatement> writes = List.of(applications.insert(parent), applications.insert(child), events.insert(event));
        pool.withTransaction(c -> SqlStatement.pipelined(c, writes)).await().indefinitely();

        Application readChild = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> applications.findById(child.id)));
        ApplicationEvent readEvent = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> events.findById(event.id)));
        assertNotNull(readChild, "the application written as a statement");
        SameFields.assertSameFields(child, readChild, "materialsOverdue");
        SameFields.assertSameFields(event, readEvent);
    }

    /**
     * A submission's own statements ({@link ApplicationRepository#ownedForUpdate} and {@link ApplicationRepository#of},
     * {@link ApplicationRepository#update}, {@link ApplicationMaterialRepository#insert}, {@link ApplicationMaterialRepository#ofOwned}):
     * a row read this way is the entity Hibernate loads, every field changed by the update reads back through Hibernate,
     * materials inserted in one statement read back both ways, and the update changes nothing unless the row is still at
     * the version read.
     */
    @Test
    void anApplicationReadUpdatedAndGivenMaterialsAsStatementsMatchesItsEntities() throws Throwable {
        ApplicationFixtures.Dept dept = ApplicationFixtures.department(true);
        String resident = Logins.newResidentToken();
        UUID residentId = UUID.fromString(given().auth().oauth2(resident).get("/api/v1/me").then().statusCode(200)
                .extract().path("id"));
        Application parent = everyField(residentId, dept, null);
        Application written = everyField(residentId, dept, parent.id);
        pool.withTransaction(c -> SqlStatement.pipelined(c, List.of(applications.insert(parent), applications.insert(written))))
                .await().indefinitely();

        Application loaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> applications.findById(written.id)));
        Application read = pool.withTransaction(c -> SqlStatement.pipelined(c,
                List.of(applications.ownedForUpdate(written.applicationNo, residentId))))
                .map(r -> ApplicationRepository.of(r.get(0).iterator().next())).await().indefinitely();
        SameFields.assertSameFields(loaded, read);
        assertEquals(0, pool.withTransaction(c -> SqlStatement.pipelined(c,
                List.of(applications.ownedForUpdate(written.applicationNo, UUID.randomUUID()))))
                .await().indefinitely().get(0).size(), "another resident's application is not read");

        Application changed = everyField(residentId, dept, null);
        changed.id = written.id;
        changed.applicationNo = written.applicationNo + "X";
        changed.itemName = "改名事项";
        changed.bundleCode = "OTHER-BUNDLE";
        changed.parentId = null; // everyField(…, null): the update writes the null
        changed.state = ApplicationStatus.APPROVED;
        changed.formData = "{\"companyName\":\"改\"}";
        changed.commitmentSignedAt = written.commitmentSignedAt.plusDays(1);
        changed.dueDate = written.dueDate.plusDays(3);
        changed.stoppedWorkingDays = 5;
        changed.resumeState = ApplicationStatus.SUBMITTED;
        changed.instantReview = "{\"approved\":true}";
        changed.decisionWorkingDays = 9;
        changed.filedBy = "RESIDENT";
        changed.updatedAt = written.updatedAt.plusHours(1);
        changed.version = written.version + 2;
        int stale = pool.withTransaction(c -> SqlStatement.pipelined(c, List.of(applications.update(changed, written.version - 1))))
                .await().indefinitely().get(0).rowCount();
        assertEquals(0, stale, "an update naming a version the row is no longer at changes nothing");
        int updated = pool.withTransaction(c -> SqlStatement.pipelined(c, List.of(applications.update(changed, written.version))))
                .await().indefinitely().get(0).rowCount();
        assertEquals(1, updated);
        Application reloaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> applications.findById(written.id)));
        SameFields.assertSameFields(changed, reloaded, "materialsOverdue", "parentId");
        assertEquals(null, reloaded.parentId);

        ApplicationMaterial upload = material(written.id, "营业执照", ApplicationMaterial.Kind.UPLOAD);
        upload.fileName = "licence.pdf";
        upload.contentType = "application/pdf";
        upload.sizeBytes = 1234L;
        upload.sha256 = new byte[] { 1, 2, 3 };
        upload.certificateId = "cert-1";
        upload.certificateIdentifier = "cert-1@v2";
        upload.supplyBy = LocalDate.of(2026, 12, 9);
        upload.overdueFlaggedAt = upload.suppliedAt.plusDays(1);
        ApplicationMaterial placeholder = material(written.id, "承诺书", ApplicationMaterial.Kind.COMMITMENT);
        placeholder.suppliedAt = upload.suppliedAt.plusSeconds(1);
        pool.withTransaction(c -> SqlStatement.pipelined(c, List.of(materials.insert(List.of(upload, placeholder)))))
                .await().indefinitely();
        ApplicationMaterial loadedUpload = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> materials.findById(upload.id)));
        SameFields.assertSameFields(upload, loadedUpload);
        List<ApplicationMaterial> readMaterials = pool.withTransaction(c -> SqlStatement.pipelined(c,
                List.of(materials.ofOwned(changed.applicationNo, residentId))))
                .map(r -> ApplicationMaterialRepository.of(r.get(0))).await().indefinitely();
        assertEquals(List.of(upload.id, placeholder.id), readMaterials.stream().map(m -> m.id).toList(), "in supply order");
        SameFields.assertSameFields(upload, readMaterials.get(0));
        assertEquals(null, readMaterials.get(1).fileName, "a placeholder's empty columns read as null");
    }

    private static ApplicationMaterial material(UUID applicationId, String name, ApplicationMaterial.Kind kind) {
        ApplicationMaterial m = new ApplicationMaterial();
        m.id = UUID.randomUUID();
        m.applicationId = applicationId;
        m.name = name;
        m.kind = kind;
        m.suppliedAt = OffsetDateTime.of(2026, 12, 6, 8, 0, 0, 111_000_000, ZoneOffset.UTC);
        return m;
    }

    /** An application with every column the entity maps set (none left at its default), as a child of {@code parentId}. */
    private static Application everyField(UUID residentId, ApplicationFixtures.Dept dept, UUID parentId) {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 5, 8, 0, 0, 654_321_000, ZoneOffset.UTC);
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.applicationNo = "TEST" + a.id.toString().substring(0, 12);
        a.residentId = residentId;
        a.itemCode = dept.item();
        a.itemName = "测试事项";
        a.parentId = parentId;
        a.bundleCode = "TEST-BUNDLE";
        a.departmentCode = dept.code();
        a.state = ApplicationStatus.SUPPLEMENT_REQUIRED;
        a.formData = "{\"companyName\":\"示例\"}";
        a.commitmentTextVersion = "v3";
        a.commitmentSignedAt = at.plusMinutes(1);
        a.submittedAt = at.plusMinutes(2);
        a.acceptedAt = at.plusMinutes(3);
        a.dueDate = LocalDate.of(2026, 12, 20);
        a.clockStoppedOn = LocalDate.of(2026, 12, 6);
        a.stoppedWorkingDays = 2;
        a.resumeState = ApplicationStatus.ACCEPTED;
        a.supplementMissing = "[\"营业执照\"]";
        a.supplementNote = "请补正";
        a.supplementDeadline = LocalDate.of(2026, 12, 10);
        a.supplementRequestedAt = at.plusMinutes(4);
        a.instantReview = "{\"approved\":false}";
        a.decidedAt = at.plusMinutes(5);
        a.decisionWorkingDays = 4;
        a.lateWarningSentAt = at.plusMinutes(6);
        a.queryCode = "QC" + a.id.toString().substring(0, 6);
        a.filedBy = "AGENT";
        a.filedByStaffId = UUID.randomUUID();
        a.filedByStaffName = "王五";
        a.proxyConfirmationRequestedAt = at.plusMinutes(7);
        a.createdAt = at;
        a.updatedAt = at.plusMinutes(8);
        a.version = 3;
        return a;
    }
}
