package app.banhao.application.submission;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationCreate;
import app.banhao.api.model.ApplicationMaterialView;
import app.banhao.api.model.ApplicationSubmit;
import app.banhao.api.model.ApplicationUpdate;
import app.banhao.api.model.ApplicationView;
import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationErrors;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.ProxyAgent;
import app.banhao.application.core.ProxyNotice;
import app.banhao.application.core.ResidentCases;
import app.banhao.application.core.Workflow;
import app.banhao.application.materials.CaseMaterials;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * 帮代办: an agent's steps on a resident's applications, each through the resident's own services (the resident owns
 * the case), with the agent as the actor on the timeline and in the audit log. {@code consent} checks the agent's
 * consent inside the step's transaction, on every call, and names the agent; the item is checked against it on the
 * locked case. The resident's confirmation of a submission the agent prepared is here too.
 */
@ApplicationScoped
public class ProxyFiling {

    private final Drafts drafts;
    private final Submissions submissions;
    private final CaseMaterials materials;
    private final ResidentCases cases;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final BusinessClock clock;

    public ProxyFiling(Drafts drafts, Submissions submissions, CaseMaterials materials, ResidentCases cases, Workflow workflow,
            AuditTrail audit, Outbox outbox, BusinessClock clock) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.materials = materials;
        this.cases = cases;
        this.workflow = workflow;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<ApplicationView> create(Supplier<Uni<ProxyAgent>> consent, String itemCode, java.util.Map<String, Object> form) {
        return workflow.commitThenPublish(() -> consent.get().chain(agent -> {
            agent.requireItem(itemCode);
            return drafts.createFor(agent.residentId(), new ApplicationCreate().itemCode(itemCode).formData(form), agent)
                    .call(v -> audit.record(agent.audit("created", v.getApplicationNo())));
        }));
    }

    public Uni<ApplicationView> update(Supplier<Uni<ProxyAgent>> consent, String applicationNo, ApplicationUpdate update) {
        return workflow.commitThenPublish(() -> consent.get().chain(agent -> inScope(agent, applicationNo)
                .chain(a -> drafts.updateDraft(agent.residentId(), applicationNo, update, null)
                        .call(() -> remark(agent, a, "PROXY_DRAFT_UPDATED", null)))));
    }

    public Uni<ApplicationMaterialView> upload(Supplier<Uni<ProxyAgent>> consent, String applicationNo, String name, byte[] content) {
        // Not locked here: the upload locks the resident (its quota) before the case, one lock order for every path.
        return workflow.commitThenPublish(() -> consent.get().chain(agent -> cases.owned(agent.residentId(), applicationNo, false)
                .invoke(a -> agent.requireItem(a.itemCode))
                .chain(a -> materials.upload(agent.residentId(), applicationNo, name, null, content)
                        .call(m -> remark(agent, a, "PROXY_MATERIAL_UPLOADED", m.getName())))));
    }

    public Uni<ApplicationView> submit(Supplier<Uni<ProxyAgent>> consent, String applicationNo, ApplicationSubmit body) {
        // The consent names the resident; it is checked again inside the submission's transaction, on the locked draft.
        return Panache.withSession(consent::get).chain(first -> submissions.submit(first.residentId(), applicationNo, null, body, first,
                a -> consent.get().invoke(agent -> agent.requireItem(a.itemCode))
                        .call(agent -> audit.record(agent.audit("submitted", a.applicationNo))).replaceWithVoid()));
    }

    /** The agent asks the resident to confirm the submission of a draft they prepared: marked, on the timeline, in the inbox. */
    public Uni<ApplicationView> requestConfirmation(Supplier<Uni<ProxyAgent>> consent, String applicationNo) {
        return workflow.commitThenPublish(() -> consent.get().chain(agent -> inScope(agent, applicationNo).chain(a -> {
            if (a.state != ApplicationStatus.DRAFT) {
                throw ApiException.of(ApplicationErrors.APPLICATION_STATE_CONFLICT, a.state.name());
            }
            a.proxyConfirmationRequestedAt = clock.now();
            Workflow.touch(a, a.proxyConfirmationRequestedAt);
            return remark(agent, a, "PROXY_CONFIRMATION_REQUESTED", null)
                    .call(() -> outbox.publish(new ProxyNotice(a.residentId, a.applicationNo, a.itemName, agent.name(), clock.now())))
                    .chain(() -> cases.view(a));
        })));
    }

    /** The resident confirms what an agent asked them to (409 when no agent asked): submitted as theirs. */
    public Uni<ApplicationView> confirm(UUID residentId, String applicationNo, String idempotencyKey, ApplicationSubmit body) {
        return submissions.submit(residentId, applicationNo, idempotencyKey, body, null, a -> {
            if (a.proxyConfirmationRequestedAt == null || a.state != ApplicationStatus.DRAFT) {
                throw ApiException.of(ApplicationErrors.PROXY_CONFIRMATION_NOT_REQUESTED, a.applicationNo);
            }
            return cases.resident(residentId).chain(r -> workflow.remark(a, cases.residentActor(r), "ProxySubmissionConfirmed",
                    "PROXY_SUBMISSION_CONFIRMED", a.filedByStaffName, clock.now()));
        });
    }

    /** The resident's case, locked, its item within the consent (404 for another resident's). */
    private Uni<Application> inScope(ProxyAgent agent, String applicationNo) {
        return cases.owned(agent.residentId(), applicationNo, true).invoke(a -> agent.requireItem(a.itemCode));
    }

    private Uni<Void> remark(ProxyAgent agent, Application a, String topic, String note) {
        return workflow.remark(a, agent.actor(), topic, topic, note, clock.now())
                .call(() -> audit.record(agent.audit(topic.substring("PROXY_".length()).toLowerCase(), a.applicationNo)));
    }
}
