package app.banhao.application.submission;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationSubmit;
import app.banhao.api.model.ApplicationView;
import app.banhao.api.model.InstantReview;
import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationErrors;
import app.banhao.application.core.ApplicationEvents;
import app.banhao.application.core.ApplicationMapper;
import app.banhao.application.core.ApplicationMaterial;
import app.banhao.application.core.ApplicationMaterialRepository;
import app.banhao.application.core.ApplicationRepository;
import app.banhao.application.core.CaseEvent;
import app.banhao.application.core.FormPrivacy;
import app.banhao.application.core.ProxyAgent;
import app.banhao.application.core.ResidentCases;
import app.banhao.application.core.Transition;
import app.banhao.application.core.Workflow;
import app.banhao.application.materials.CaseMaterials;
import app.banhao.application.materials.CertificateLookup;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.LeftToHibernate;
import app.banhao.platform.transaction.SqlStatement;
import app.banhao.platform.transaction.Transactions;
import app.banhao.platform.web.IfMatch;
import app.banhao.resident.Resident;
import app.banhao.resident.Residents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * Submitting a draft (with 秒批 where the item allows it) and withdrawing an application, bundles included.
 */
@ApplicationScoped
public class Submissions {

    /** 容缺: working days a tolerated missing material may still be supplied in. */
    static final int TOLERATED_SUPPLY_WORKING_DAYS = 5;

    private final ResidentCases cases;
    private final ApplicationRepository applications;
    private final ApplicationMaterialRepository materials;
    private final ItemCatalog items;
    private final ApplicationMapper mapper;
    private final Workflow workflow;
    private final Idempotency idempotency;
    private final InstantApproval instant;
    private final FormPrivacy privacy;
    private final CertificateLookup certificates;
    private final BusinessClock clock;
    private final Residents residents;
    private final Pool pool;

    public Submissions(ResidentCases cases, ApplicationRepository applications, ApplicationMaterialRepository materials,
            ItemCatalog items, ApplicationMapper mapper, Workflow workflow, Idempotency idempotency,
            InstantApproval instant, FormPrivacy privacy, CertificateLookup certificates, BusinessClock clock,
            Residents residents, Pool pool) {
        this.certificates = certificates;
        this.cases = cases;
        this.applications = applications;
        this.materials = materials;
        this.items = items;
        this.mapper = mapper;
        this.workflow = workflow;
        this.idempotency = idempotency;
        this.instant = instant;
        this.privacy = privacy;
        this.clock = clock;
        this.residents = residents;
        this.pool = pool;
    }
    /**
     * Submits a draft: form, materials and commitment checked, due date set. Its case events (submitted, and 秒批's
     * accepted and approved) go out through the outbox; a replay (same Idempotency-Key) writes none.
     */
    public Uni<ApplicationView> submit(UUID residentId, String applicationNo, String idempotencyKey,
            ApplicationSubmit request) {
        ApplicationSubmit body = request == null ? new ApplicationSubmit() : request;
        Idempotency.Check key = idempotency.checkUnderLockOf(scope(residentId, applicationNo), idempotencyKey, body);
        return submitItemDraft(residentId, applicationNo, body, key, null)
                .onFailure(ItemNotCached.class).recoverWithUni(e -> items.active(((ItemNotCached) e).code)
                        .chain(item -> submitItemDraft(residentId, applicationNo, body, key, item)))
                .onFailure(Idempotency.KeyTaken.class).recoverWithUni(() -> idempotency.replay(key, ApplicationView.class))
                .onFailure(LeftToHibernate.class)
                .recoverWithUni(() -> submit(residentId, applicationNo, idempotencyKey, body, null, null));
    }

    private static String scope(UUID residentId, String applicationNo) {
        return "resident:" + residentId + ":submitApplication:" + applicationNo;
    }

    /**
     * The draft's item is in neither cache: the transaction rolls back, its connection goes back to the pool, the item
     * is loaded and the submission starts again with it ({@link ItemCatalog#activeIfCached}). No stack trace is taken.
     */
    private static final class ItemNotCached extends RuntimeException {
        private final String code;

        ItemNotCached(String code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /** A submission made, and its events to deliver once committed. */
    private record Made(ApplicationView view, Workflow.Writes writes) {
    }

    /**
     * A resident's submission of their draft of one item, the path a deadline rush takes: the same checks and rows as
     * {@link #submitOne} through Hibernate, sent on the reactive SQL client underneath (the same pool) in one
     * transaction of three round trips, as {@link Drafts} does for a draft: begin with the draft's lock, the key's
     * record (looked up under that lock, which every submission of the draft takes first:
     * {@link Idempotency#checkUnderLockOf}), the draft's materials and the resident's name, pipelined; then every write
     * (the placeholders, the history, the event with its timeline entry and inbox message, the key's record with its
     * answer) as members of the row's versioned update, one statement (秒批's acceptance and approval follow as a
     * statement each, so their events keep their order); then the commit. Through Hibernate it was eleven statements,
     * each sent after the answer to the one before (issue 16). The item comes from the caches, or is {@code loaded}
     * before by a try that found it in neither (null otherwise).
     */
    private Uni<ApplicationView> submitItemDraft(UUID residentId, String applicationNo, ApplicationSubmit body,
            Idempotency.Check key, ItemCatalog.Item loaded) {
        List<SqlStatement> first = new ArrayList<>(4);
        first.add(applications.ownedForUpdate(applicationNo, residentId));
        if (key != null) {
            first.addAll(key.statements());
        }
        first.add(materials.ofOwned(applicationNo, residentId));
        first.add(residents.displayName(residentId));
        return Transactions.retryingConflicts(pool, first, (connection, read) -> {
            RowSet<Row> row = read.get(0);
            // The key first: a retry of a submission that went through finds the draft submitted, and gets its answer.
            RowSet<Row> keyRecord = key == null ? null : read.get(key.statements().size());
            if (key != null) {
                idempotency.requireFree(keyRecord);
            }
            int at = key == null ? 1 : 1 + key.statements().size();
            if (row.size() == 0) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            Application a = ApplicationRepository.of(row.iterator().next());
            List<ApplicationMaterial> supplied = ApplicationMaterialRepository.of(read.get(at));
            if (ResidentCases.isParent(a) || a.parentId != null
                    || supplied.stream().anyMatch(m -> m.kind == ApplicationMaterial.Kind.CERTIFICATE)) {
                // A bundle, a child of one, a wallet certificate (its ledger line): Hibernate's path writes those.
                throw new LeftToHibernate();
            }
            RowSet<Row> resident = read.get(at + 1);
            String name = residents.displayNameOf(resident);
            if (name == null) {
                throw ApiException.of(ErrorCode.UNAUTHORIZED);
            }
            Workflow.require(a, Transition.SUBMIT);
            long readVersion = a.version;
            // Never loaded here, on a second connection while this one waits (ItemNotCached).
            Uni<ItemCatalog.Item> itemOfDraft = loaded != null && loaded.code().equals(a.itemCode) ? Uni.createFrom().item(loaded)
                    : items.activeIfCached(a.itemCode).map(cached -> cached.orElseThrow(() -> new ItemNotCached(a.itemCode)));
            return itemOfDraft.chain(item -> {
                Checked c = check(a, item, supplied, Residents.levelOf(resident), body, false);
                Workflow.Writes submitted = workflow.applyWrites(a, Transition.SUBMIT, cases.residentActor(residentId, name), null);
                List<Workflow.Writes> instantly = c.review().map(review -> instantlyWrites(a, item, review, c.at())).orElse(List.of());
                ApplicationView view = mapper.toApplication(a, c.form(), c.all());
                List<SqlStatement> members = new ArrayList<>(submitted.statements().size() + 3);
                if (!c.covered().isEmpty()) {
                    members.add(materials.insert(c.covered()));
                }
                members.addAll(submitted.statements());
                if (key != null) {
                    members.add(idempotency.recordOf(key, keyRecord, view));
                }
                List<SqlStatement> sent = new ArrayList<>(SqlStatement.withWrites(applications.update(a, readVersion), members));
                Workflow.Writes all = submitted;
                for (Workflow.Writes then : instantly) {
                    sent.addAll(SqlStatement.together(then.statements()));
                    all = all.and(then);
                }
                Workflow.Writes written = all;
                return SqlStatement.pipelined(connection, sent).map(done -> {
                    if (done.get(0).rowCount() != 1) {
                        throw new IllegalStateException("Application " + a.applicationNo + " changed under its lock");
                    }
                    return new Made(view, written);
                });
            });
        }).call(made -> workflow.deliver(made.writes())).map(Made::view);
    }
    /**
     * As {@link #submit(UUID, String, String, ApplicationSubmit)}, by {@code agent} for the resident (帮代办) when not
     * null; {@code check} (or null) looks at the locked draft first, in the transaction (the agent's consent covers it).
     */
    public Uni<ApplicationView> submit(UUID residentId, String applicationNo, String idempotencyKey,
            ApplicationSubmit request, ProxyAgent agent, java.util.function.Function<Application, Uni<Void>> check) {
        ApplicationSubmit body = request == null ? new ApplicationSubmit() : request;
        return workflow.commitThenPublish(() -> idempotency.once(scope(residentId, applicationNo), idempotencyKey, body, ApplicationView.class, () -> submitDraft(residentId, applicationNo, body, agent, check)));
    }
    private Uni<ApplicationView> submitDraft(UUID residentId, String applicationNo, ApplicationSubmit body, ProxyAgent agent,
            java.util.function.Function<Application, Uni<Void>> check) {
        return cases.owned(residentId, applicationNo, true).call(a -> check == null ? Uni.createFrom().voidItem() : check.apply(a))
                .chain(a -> cases.resident(residentId).chain(r -> {
            Workflow.Actor by = ProxyAgent.or(agent, cases.residentActor(r));
            if (ResidentCases.isParent(a)) {
                return submitBundle(a, r, body, by);
            }
            if (a.parentId != null) {
                return applications.findById(a.parentId).map(parent -> {
                    throw ApiException.of(ApplicationErrors.BUNDLE_CHILD, parent.applicationNo);
                });
            }
            return submitOne(a, r, body, false, by).map(done -> mapper.toApplication(a, done.materials()));
        }));
    }
    /** 一件事: the parent, then every child in the bundle's order, in one transaction; a child's problem is named by its number. */
    private Uni<ApplicationView> submitBundle(Application parent, Residents.ResidentSummary r, ApplicationSubmit body,
            Workflow.Actor by) {
        Workflow.require(parent, Transition.SUBMIT);
        parent.submittedAt = clock.now();
        return applications.childrenForUpdate(parent.id).chain(children -> workflow.apply(parent, Transition.SUBMIT, by, null)
                .chain(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Application child : children) {
                        chain = chain.chain(() -> submitOne(child, r, body, true, by)
                                .onFailure(ApiException.class).transform(e -> named((ApiException) e, child.applicationNo)))
                                .replaceWithVoid();
                    }
                    return chain;
                })
                .chain(() -> {
                    parent.dueDate = children.stream().map(c -> c.dueDate).filter(java.util.Objects::nonNull)
                            .max(java.util.Comparator.naturalOrder()).orElse(null);
                    return cases.view(parent);
                }));
    }
    /** {@code e} with each field named under the child: {@code children[<no>].<field>}. */
    private static ApiException named(ApiException e, String childNo) {
        if (e.fieldErrors().isEmpty()) {
            return e;
        }
        List<FieldError> fields = e.fieldErrors().stream()
                .map(f -> new FieldError("children[" + childNo + "]." + f.field(), f.code(), f.args(), f.message())).toList();
        return new ApiException(e.code(), e.detailArgs(), fields, e.headers());
    }
    private record Submitted(List<ApplicationMaterial> materials) {
    }
    /**
     * Submits one item's draft (locked): form, materials and commitment checked, due date set; then 秒批 when the
     * item approves automatically and every rule passes. In a bundle, a commitment counts only for items allowing one.
     */
    private Uni<Submitted> submitOne(Application a, Residents.ResidentSummary r, ApplicationSubmit body, boolean inBundle,
            Workflow.Actor by) {
        Workflow.require(a, Transition.SUBMIT);
        return items.active(a.itemCode).chain(item -> materials.of(a.id).chain(supplied -> {
            Checked c = check(a, item, supplied, r.level(), body, inBundle);
            // Nothing to cover (every required material supplied): persisting an empty list would fail.
            return readCertificates(a, supplied)
                    .chain(() -> c.covered().isEmpty() ? Uni.createFrom().voidItem() : materials.persist(c.covered()))
                    .chain(() -> workflow.apply(a, Transition.SUBMIT, by, null))
                    .chain(s -> c.review().isEmpty() ? Uni.createFrom().item(s) : instantly(a, item, c.review().get(), s, c.at()))
                    .map(s -> new Submitted(c.all()));
        }));
    }

    /**
     * A submission of one item's draft, checked and made on {@code a}: the placeholders it adds, every material with
     * them, 秒批's check (empty when the item does not approve automatically), and when.
     */
    private record Checked(Map<String, Object> form, List<ApplicationMaterial> covered, List<ApplicationMaterial> all,
            Optional<InstantReview> review, OffsetDateTime at) {
    }

    /**
     * The form checked against {@code item}'s schema and sealed under it, the commitment, the materials covered (a 422
     * names each missing one), the submission's time and due date set on {@code a}, and 秒批's check for an applicant of
     * real-name level {@code level}; nothing written.
     */
    private Checked check(Application a, ItemCatalog.Item item, List<ApplicationMaterial> supplied, Resident.Level level,
            ApplicationSubmit body, boolean inBundle) {
        Map<String, Object> form = privacy.open(a.formData);
        FormValidation.requireValid(item.code(), item.version(), item.formSchema(), mapper.writeJson(form));
        // Sealed under the schema it is submitted against: a field marked personal since the draft is sealed now.
        a.formData = privacy.sealedAgain(a.formData, item.formSchema(), form);
        OffsetDateTime now = clock.now();
        boolean signed = body.getCommitment() != null && Boolean.TRUE.equals(body.getCommitment().getAccepted());
        if (signed && !item.commitmentAllowed() && !inBundle) {
            throw ApiException.field(ApplicationErrors.COMMITMENT_NOT_ALLOWED,
                    FieldError.of("commitment.accepted", FieldCode.NOT_ALLOWED));
        }
        boolean committed = signed && item.commitmentAllowed();
        List<ApplicationMaterial> covered = cover(a, item, supplied, committed, now);
        if (committed) {
            a.commitmentTextVersion = item.code() + "@v" + item.version();
            a.commitmentSignedAt = now;
        }
        a.submittedAt = now;
        a.dueDate = workflow.addWorkingDays(clock.today(), item.promisedDays());
        List<ApplicationMaterial> all = new ArrayList<>(supplied);
        all.addAll(covered);
        return new Checked(form, covered, all, instant.check(item, level, committed, all, now), now);
    }
    /**
     * The department reads the wallet certificates standing in for materials from now on: each must still be held
     * and valid (a 422 names the material otherwise), is a line of the holder's usage ledger, and is recorded with the
     * 电子证照标识 (naming its version) it was submitted as.
     */
    private Uni<Void> readCertificates(Application a, List<ApplicationMaterial> supplied) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ApplicationMaterial m : supplied) {
            if (m.kind != ApplicationMaterial.Kind.CERTIFICATE) {
                continue;
            }
            chain = chain.chain(() -> certificates.usedAsMaterial(a.residentId, m.certificateId,
                    new CertificateLookup.MaterialUse(a.applicationNo, a.itemName, a.departmentCode))
                    .invoke(identifier -> m.certificateIdentifier = identifier.orElseThrow(() -> new ApiException(
                            ApplicationErrors.CERTIFICATE_NOT_USABLE, List.of(m.certificateId),
                            List.of(FieldError.of("materials[" + m.name + "]", FieldCode.NOT_ALLOWED)), Map.of())))
                    .replaceWithVoid());
        }
        return chain;
    }
    /**
     * 秒批: records the check; when every rule passed, the system accepts and approves at once (two state changes,
     * each on the timeline and in the inbox); otherwise the case stays SUBMITTED for a reviewer, the timeline saying why.
     */
    private Uni<ApplicationEvents.StateChanged> instantly(Application a, ItemCatalog.Item item, InstantReview review,
            ApplicationEvents.StateChanged submitted, OffsetDateTime now) {
        String level = recordReview(a, item, review);
        if (!review.getApproved()) {
            return workflow.remark(a, InstantApproval.SYSTEM, CaseEvent.INSTANT_REVIEW_REFERRED, "INSTANT_REVIEW",
                    referredNote(review, level), clock.now()).replaceWith(submitted);
        }
        a.acceptedAt = now;
        return workflow.apply(a, Transition.ACCEPT, InstantApproval.SYSTEM, acceptedNote(review, level))
                .chain(() -> workflow.apply(a, Transition.APPROVE, InstantApproval.SYSTEM, APPROVED_NOTE));
    }

    /** {@link #instantly} as statements, a group per event, in their order. */
    private List<Workflow.Writes> instantlyWrites(Application a, ItemCatalog.Item item, InstantReview review, OffsetDateTime now) {
        String level = recordReview(a, item, review);
        if (!review.getApproved()) {
            return List.of(workflow.remarkWrites(a, InstantApproval.SYSTEM, CaseEvent.INSTANT_REVIEW_REFERRED, "INSTANT_REVIEW",
                    referredNote(review, level), clock.now()));
        }
        a.acceptedAt = now;
        Workflow.Writes accepted = workflow.applyWrites(a, Transition.ACCEPT, InstantApproval.SYSTEM, acceptedNote(review, level));
        return List.of(accepted, workflow.applyWrites(a, Transition.APPROVE, InstantApproval.SYSTEM, APPROVED_NOTE));
    }

    private static final String APPROVED_NOTE = "秒批：规则全部通过，准予许可";

    /** Keeps the check on {@code a}; the real-name level the item's rules require, for the timeline. */
    private String recordReview(Application a, ItemCatalog.Item item, InstantReview review) {
        a.instantReview = mapper.writeJson(review);
        return instant.requiredLevel(item);
    }

    private static String referredNote(InstantReview review, String level) {
        return "秒批未通过：" + InstantApproval.describe(review.getFailed(), level, false) + "，转人工审核";
    }

    private static String acceptedNote(InstantReview review, String level) {
        String passed = review.getPassed().isEmpty() ? "即办件" : InstantApproval.describe(review.getPassed(), level, true);
        return "秒批：" + passed + "，系统自动受理";
    }
    /**
     * The placeholders for required materials not supplied: 告知承诺 where signed, else 容缺 (with a deadline)
     * where tolerated; anything else is missing, and a 422 names each.
     */
    private List<ApplicationMaterial> cover(Application a, ItemCatalog.Item item, List<ApplicationMaterial> supplied, boolean committed,
            OffsetDateTime now) {
        Set<String> present = supplied.stream().filter(m -> m.kind.supplied()).map(m -> m.name).collect(Collectors.toSet());
        List<ApplicationMaterial> covered = new ArrayList<>();
        List<FieldError> missing = new ArrayList<>();
        for (ItemCatalog.ItemMaterial required : item.materials()) {
            if (!required.required() || present.contains(required.name())) {
                continue;
            }
            if (committed) {
                covered.add(CaseMaterials.placeholder(a, required.name(), ApplicationMaterial.Kind.COMMITMENT, null, now));
            } else if (required.toleratedIfMissing()) {
                covered.add(CaseMaterials.placeholder(a, required.name(), ApplicationMaterial.Kind.TOLERATED,
                        workflow.addWorkingDays(clock.today(), TOLERATED_SUPPLY_WORKING_DAYS), now));
            } else {
                missing.add(FieldError.of("materials[" + required.name() + "]", FieldCode.REQUIRED));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.fields(ApplicationErrors.MATERIALS_MISSING, missing);
        }
        return covered;
    }
    public Uni<ApplicationView> withdraw(UUID residentId, String applicationNo, String reason,
            String ifMatch) {
        return workflow.commitThenPublish(() -> cases.owned(residentId, applicationNo, true)
                .invoke(a -> IfMatch.requireCurrentIfPresent(ifMatch, a.version))
                .chain(a -> cases.resident(residentId).chain(r -> workflow.apply(a, Transition.WITHDRAW, cases.residentActor(r), reason)
                        .call(() -> ResidentCases.isParent(a) ? withdrawChildren(a, r) : Uni.createFrom().voidItem()))
                        .chain(c -> cases.view(a))));
    }
    /** 一件事: with its parent withdrawn (first, so it does not follow them), every undecided child is withdrawn too. */
    private Uni<Void> withdrawChildren(Application parent, Residents.ResidentSummary r) {
        return applications.childrenForUpdate(parent.id).chain(children -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Application child : children) {
                if (Transition.WITHDRAW.allowedFrom(child.state)) {
                    chain = chain.chain(() -> workflow.apply(child, Transition.WITHDRAW, cases.residentActor(r),
                            "随一件事 " + parent.applicationNo + " 撤回")).replaceWithVoid();
                }
            }
            return chain;
        });
    }
}
