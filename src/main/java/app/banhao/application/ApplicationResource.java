package app.banhao.application;

import java.io.InputStream;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import app.banhao.api.ApplicationsApi;
import app.banhao.api.model.ApplicationCreate;
import app.banhao.api.model.ApplicationEventList;
import app.banhao.api.model.ApplicationMaterialView;
import app.banhao.api.model.ApplicationPage;
import app.banhao.api.model.ApplicationState;
import app.banhao.api.model.ApplicationSubmit;
import app.banhao.api.model.ApplicationUpdate;
import app.banhao.api.model.ApplicationView;
import app.banhao.api.model.MaterialReference;
import app.banhao.api.model.SupplementAnswer;
import app.banhao.api.model.WithdrawRequest;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.ResidentCases;
import app.banhao.application.materials.CaseMaterials;
import app.banhao.application.materials.WalletCoverage;
import app.banhao.application.submission.Drafts;
import app.banhao.application.submission.Submissions;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import app.banhao.platform.web.VersionTag;
import io.smallrye.mutiny.Uni;

/** /api/v1/applications: the caller's own applications only. */
@RolesAllowed(TokenClaims.RESIDENT)
public class ApplicationResource implements ApplicationsApi {

    private final ResidentCases cases;
    private final Drafts drafts;
    private final Submissions submissions;
    private final CaseMaterials materials;
    private final CurrentActor actor;
    private final WalletCoverage coverage;

    @Context
    HttpHeaders headers;

    public ApplicationResource(ResidentCases cases, Drafts drafts, Submissions submissions, CaseMaterials materials,
            CurrentActor actor, WalletCoverage coverage) {
        this.coverage = coverage;
        this.cases = cases;
        this.drafts = drafts;
        this.submissions = submissions;
        this.materials = materials;
        this.actor = actor;
    }

    @Override
    @SuccessStatus(201)
    public Uni<ApplicationView> createApplication(ApplicationCreate request, String idempotencyKey) {
        return drafts.create(me(), request, idempotencyKey).chain(v -> coverage.listed(me(), v));
    }

    @Override
    @VersionTag
    public Uni<ApplicationView> getApplication(String applicationNo) {
        return cases.get(me(), applicationNo).chain(v -> coverage.listed(me(), v));
    }

    @Override
    public Uni<ApplicationEventList> listApplicationEvents(String applicationNo) {
        return cases.timeline(me(), applicationNo, Messages.languageOf(headers));
    }

    @Override
    public Uni<ApplicationPage> listMyApplications(ApplicationState state, String cursor, Integer limit) {
        return cases.list(me(), state == null ? null : ApplicationStatus.valueOf(state.toString()), PageRequest.of(cursor, limit));
    }

    @Override
    @SuccessStatus(201)
    public Uni<ApplicationMaterialView> referenceApplicationMaterial(String applicationNo, MaterialReference reference) {
        return materials.reference(me(), applicationNo, reference);
    }

    @Override
    public Uni<ApplicationView> submitApplication(String applicationNo, String idempotencyKey, ApplicationSubmit request) {
        return submissions.submit(me(), applicationNo, idempotencyKey, request);
    }

    @Override
    public Uni<ApplicationView> supplyApplicationSupplement(String applicationNo, SupplementAnswer answer) {
        return materials.supply(me(), applicationNo, answer);
    }

    @Override
    @VersionTag
    public Uni<ApplicationView> updateApplicationDraft(String applicationNo, ApplicationUpdate update, String ifMatch) {
        return drafts.updateDraft(me(), applicationNo, update, ifMatch);
    }

    @Override
    @SuccessStatus(201)
    public Uni<ApplicationMaterialView> uploadApplicationMaterial(String applicationNo, String name, InputStream file) {
        UUID me = me();
        return CaseMaterials.readUpload(file).chain(content -> materials.upload(me, applicationNo, name, null, content));
    }

    @Override
    @VersionTag
    public Uni<ApplicationView> withdrawApplication(String applicationNo, String ifMatch, WithdrawRequest request) {
        return submissions.withdraw(me(), applicationNo, request == null ? null : request.getReason(), ifMatch);
    }

    private UUID me() {
        return actor.uuid();
    }
}
