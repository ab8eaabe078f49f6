package app.banhao.proof;

import static io.restassured.RestAssured.given;

import java.util.Map;

import app.banhao.testing.access.AccessCases;
import app.banhao.testing.access.Target;
import io.restassured.http.ContentType;

/**
 * The authorization matrix of the API: one entry per operation of {@code api-spec/openapi.yaml} with an
 * identifier in its path. Whoever adds such an operation adds its case here, e.g.
 *
 * <pre>{@code
 * .ownedByResident(owner -> {
 *     var created = owner.authorize(given()).contentType(JSON).body(DRAFT)
 *             .post("/api/v1/applications").then().statusCode(201).extract();
 *     return Target.of(Map.of("applicationNo", created.path("applicationNo")), created.asString());
 * }, "getApplication", "listApplicationEvents")
 * .ownedByDepartment(staff -> ..., "getReviewTask")
 * .publicOperation("getServiceItem", "the catalogue is public")
 * }</pre>
 *
 * {@link AuthorizationMatrixTest} fails while an operation with an identifier has no entry.
 */
final class AccessMatrixCases {

    private static final String ADDRESS = "{\"recipient\":\"张三\",\"phone\":\"13912345678\",\"regionCode\":\"430102\","
            + "\"detail\":\"芙蓉区五一大道 1 号 2 栋 301\"}";

    static final AccessCases REGISTRY = AccessCases.builder()
            .ownedByResident(owner -> {
                var created = owner.authorize(given()).contentType(ContentType.JSON).body(ADDRESS)
                        .post("/api/v1/me/addresses").then().statusCode(201).extract();
                return Target.of(Map.of("addressId", created.path("id")), created.asString());
            }, "deleteMyAddress")
            .ownedByResident(owner -> {
                var sessions = owner.authorize(given()).get("/api/v1/me/sessions").then().statusCode(200).extract();
                return Target.of(Map.of("sessionId", sessions.path("items[0].id")), sessions.asString());
            }, "endMySession")
            .ownedByResident(owner -> {
                var item = app.banhao.application.ApplicationFixtures.department(false).item();
                var draft = app.banhao.application.ApplicationFixtures.draft(owner.token(), item);
                return Target.of(Map.of("applicationNo", draft.getString("applicationNo")), draft.prettify())
                        .withBody("{\"formData\":{\"applicantName\":\"李四\"}}");
            }, "getApplication", "listApplicationEvents", "updateApplicationDraft", "withdrawApplication")
            .ownedByResident(owner -> {
                var item = app.banhao.application.ApplicationFixtures.department(false).item();
                var draft = app.banhao.application.ApplicationFixtures.draft(owner.token(), item);
                String no = draft.getString("applicationNo");
                app.banhao.application.ApplicationFixtures.upload(owner.token(), no, "申请书",
                        app.banhao.application.ApplicationFixtures.PDF, "a.pdf");
                app.banhao.application.ApplicationFixtures.upload(owner.token(), no, "身份证",
                        app.banhao.application.ApplicationFixtures.PNG, "b.png");
                return Target.of(Map.of("applicationNo", no), draft.prettify()).withBody("{}");
            }, "submitApplication")
            .ownedByResident(owner -> {
                var item = app.banhao.application.ApplicationFixtures.department(false).item();
                app.banhao.application.ApplicationFixtures.submitted(owner.token(), item);
                var inbox = owner.authorize(given()).get("/api/v1/me/messages").then().statusCode(200).extract();
                return Target.of(Map.of("messageId", inbox.path("items[0].id")), inbox.asString());
            }, "markMessageRead")
            .publicOperation("getCatalogItem", "the catalogue (办事指南) is public")
            .publicOperation("getBundle", "the catalogue (一件事) is public")
            .roleGuarded("ADMIN", "the catalogue and home content are province-wide, published by administrators",
                    "putDepartment", "retireDepartment", "putCatalogItem", "retireCatalogItem", "recordHotEvent",
                    "putBundle", "retireBundle", "putBanner", "retireBanner", "putNews", "retireNews")
            .build();

    private AccessMatrixCases() {
    }
}
