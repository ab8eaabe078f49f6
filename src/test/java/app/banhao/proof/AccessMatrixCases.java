package app.banhao.proof;

import app.banhao.testing.access.AccessCases;

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

    static final AccessCases REGISTRY = AccessCases.builder()
            .build();

    private AccessMatrixCases() {
    }
}
