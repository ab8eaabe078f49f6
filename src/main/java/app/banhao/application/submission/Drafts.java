package app.banhao.application.submission;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationCreate;
import app.banhao.api.model.ApplicationUpdate;
import app.banhao.api.model.ApplicationView;
import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationErrors;
import app.banhao.application.core.ApplicationMapper;
import app.banhao.application.core.ApplicationNumbers;
import app.banhao.application.core.ApplicationRepository;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.FormPrivacy;
import app.banhao.application.core.ProxyAgent;
import app.banhao.application.core.QueryCodes;
import app.banhao.application.core.ResidentCases;
import app.banhao.application.core.ResidentQuotas;
import app.banhao.application.core.Workflow;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.SqlStatement;
import app.banhao.platform.transaction.Transactions;
import app.banhao.platform.web.IfMatch;
import app.banhao.resident.Residents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Drafts (草稿): opening one for an item or a bundle (一件事) of them, and changing its form while it is a draft.
 */
@ApplicationScoped
public class Drafts {

    private final ResidentCases cases;
    private final ApplicationRepository applications;
    private final ItemCatalog items;
    private final ApplicationNumbers numbers;
    private final ApplicationMapper mapper;
    private final Workflow workflow;
    private final Idempotency idempotency;
    private final FormPrivacy privacy;
    private final ResidentQuotas quotas;
    private final BusinessClock clock;
    private final Residents residents;
    private final Pool pool;

    public Drafts(ResidentCases cases, ApplicationRepository applications, ItemCatalog items,
            ApplicationNumbers numbers, ApplicationMapper mapper, Workflow workflow, Idempotency idempotency,
            FormPrivacy privacy, ResidentQuotas quotas, BusinessClock clock, Residents residents, Pool pool) {
        this.residents = residents;
        this.pool = pool;
        this.cases = cases;
        this.applications = applications;
        this.items = items;
        this.numbers = numbers;
        this.mapper = mapper;
        this.workflow = workflow;
        this.idempotency = idempotency;
        this.privacy = privacy;
        this.quotas = quotas;
        this.clock = clock;
    }
    /** A draft (or a bundle of them), its creation on the timeline at once; a replay (same Idempotency-Key) writes nothing. */
    public Uni<ApplicationView> create(UUID residentId, ApplicationCreate request, String idempotencyKey) {
        boolean item = request.getItemCode() != null;
        boolean bundle = request.getBundleCode() != null;
        if (item == bundle) {
            // Exactly one of the two: name the one to drop (both) or the one expected (neither).
            throw ApiException.field(ErrorCode.VALIDATION_FAILED,
                    FieldError.of(item ? "bundleCode" : "itemCode", item ? FieldCode.NOT_ALLOWED : FieldCode.REQUIRED));
        }
        String scope = "resident:" + residentId + ":createApplication";
        if (bundle) {
            return throughHibernate(residentId, scope, idempotencyKey, request, () -> createBundle(residentId, request));
        }
        return items.any(request.getItemCode()).chain(found -> found == null || !found.active()
                // Refused after the key's claim, as always: a replay of a key whose item has since closed still replays.
                ? throughHibernate(residentId, scope, idempotencyKey, request, () -> createDraft(residentId, request, null))
                : createItemDraft(residentId, request, found, scope, idempotencyKey));
    }

    /** The draft made by {@code create} in a transaction of Hibernate's, once per key, within the resident's draft limit. */
    private Uni<ApplicationView> throughHibernate(UUID residentId, String scope, String key, ApplicationCreate request,
            Supplier<Uni<ApplicationView>> create) {
        return workflow.commitThenPublish(() -> idempotency.once(scope, key, request, ApplicationView.class,
                () -> quotas.requireDraftRoom(residentId).chain(create::get)));
    }

    /** A draft written, and its event to deliver once committed. */
    private record Created(ApplicationView view, Workflow.Writes drafted) {
    }

    /**
     * A resident's draft of one open item, the path a rush of residents takes: the same rows as {@link #createFor}
     * writes through Hibernate (the key's claim with its answer, the resident's lock, the open-draft count, the
     * application, its history, its event and timeline entry), sent on the reactive SQL client underneath (the same
     * pool) in one transaction of three round trips: begin, the claim and the lock, pipelined; then the count, with
     * every write as a member of its {@code WITH}, in one statement; then the commit. Statement by statement through
     * Hibernate it was eleven, and they were most of a draft's cost (issue 16). The answer is known before anything is
     * written, so it goes in with the claim. The count is sent after the lock's round trip, so its snapshot has what the
     * lock's previous holder committed; past the limit the transaction rolls back with everything sent with it.
     */
    private Uni<ApplicationView> createItemDraft(UUID residentId, ApplicationCreate request, ItemCatalog.Item item, String scope,
            String key) {
        // The number is taken before the key is claimed: a replay leaves it unused, as a node's restart leaves its block.
        return numbers.next().chain(no -> {
            OffsetDateTime now = clock.now();
            Application a = newDraft(no, residentId, now,
                    privacy.sealed(item.formSchema(), request.getFormData() == null ? Map.of() : request.getFormData()));
            a.itemCode = item.code();
            a.itemName = item.name();
            a.departmentCode = item.departmentCode();
            ApplicationView view = mapper.toApplication(a, List.of());
            Idempotency.Claim claim = idempotency.claimOf(scope, key, request, view);
            List<SqlStatement> first = claim == null ? List.of(residents.lockedDisplayName(residentId))
                    : List.of(claim.statement(), residents.lockedDisplayName(residentId));
            return Transactions.retryingConflicts(pool, first, (connection, claimed) -> {
                if (claim != null && claimed.get(0).rowCount() != 1) {
                    throw new Idempotency.KeyTaken();
                }
                String name = residents.displayNameOf(claimed.get(claimed.size() - 1));
                if (name == null) {
                    throw ApiException.of(ErrorCode.UNAUTHORIZED);
                }
                Workflow.Writes drafted = workflow.draftedWrites(a, cases.residentActor(residentId, name), null, now);
                List<SqlStatement> writes = SqlStatement.withWrites(quotas.openDrafts(residentId), drafted.statements());
                return SqlStatement.pipelined(connection, writes).map(written -> {
                    quotas.requireDraftRoom(written.get(0).iterator().next().getLong(0));
                    return new Created(view, drafted);
                });
            }).call(created -> workflow.deliver(created.drafted())).map(Created::view)
                    .onFailure(Idempotency.KeyTaken.class).recoverWithUni(() -> idempotency.replay(claim, ApplicationView.class));
        });
    }

    /**
     * 帮代办: a draft of one item opened by {@code agent} for the resident (the caller checked the consent), filed by the
     * agent and on the timeline as theirs.
     */
    Uni<ApplicationView> createFor(UUID residentId, ApplicationCreate request, ProxyAgent agent) {
        return quotas.requireDraftRoom(residentId).chain(() -> createDraft(residentId, request, agent));
    }
    /**
     * 一件事: a DRAFT parent (no item, no department) and a DRAFT child per active item of the bundle, each in its
     * item's department with the part of the merged form its item's schema has fields for.
     */
    private Uni<ApplicationView> createBundle(UUID residentId, ApplicationCreate request) {
        String code = request.getBundleCode();
        Map<String, Object> form = request.getFormData() == null ? Map.of() : request.getFormData();
        return items.activeBundle(code).chain(bundle -> {
            List<ItemCatalog.BundlePart> parts = bundle == null ? List.of() : bundle.items();
            if (parts.isEmpty()) {
                throw new ApiException(ApplicationErrors.BUNDLE_NOT_AVAILABLE, List.of(String.valueOf(code)),
                        List.of(FieldError.of("bundleCode", FieldCode.NOT_ALLOWED)), Map.of());
            }
            return cases.resident(residentId).chain(r -> numbers.nextInSession().chain(no -> {
                OffsetDateTime now = clock.now();
                // The merged form's personal fields are those of any of its items.
                Application parent = newDraft(no, residentId, now,
                        privacy.seal(form, privacy.personal(parts.stream().map(ItemCatalog.BundlePart::formSchema).toList())));
                parent.bundleCode = bundle.code();
                parent.itemName = bundle.name();
                Uni<Void> chain = applications.persist(parent)
                        .call(() -> workflow.drafted(parent, cases.residentActor(r), null, now))
                        .replaceWithVoid();
                for (ItemCatalog.BundlePart item : parts) {
                    chain = chain.chain(() -> numbers.nextInSession()).chain(childNo -> {
                        Application child = newDraft(childNo, residentId, now,
                                privacy.sealed(item.formSchema(), FormValidation.fieldsOf(item.formSchema(), form)));
                        child.parentId = parent.id;
                        child.itemCode = item.code();
                        child.itemName = item.name();
                        child.departmentCode = item.departmentCode();
                        return applications.persist(child).call(() -> workflow.drafted(child, cases.residentActor(r),
                                "一件事：" + bundle.name() + "（" + parent.applicationNo + "）", now));
                    }).replaceWithVoid();
                }
                return chain.chain(() -> cases.view(parent));
            }));
        });
    }
    private Application newDraft(String no, UUID residentId, OffsetDateTime now, String sealedForm) {
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.applicationNo = no;
        a.queryCode = QueryCodes.next();
        a.residentId = residentId;
        a.state = ApplicationStatus.DRAFT;
        a.formData = sealedForm;
        a.filedBy = "RESIDENT";
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }
    private Uni<ApplicationView> createDraft(UUID residentId, ApplicationCreate request, ProxyAgent agent) {
        return items.active(request.getItemCode()).chain(item -> numbers.nextInSession().chain(no -> cases.resident(residentId).chain(r -> {
            OffsetDateTime now = clock.now();
            Application a = newDraft(no, residentId, now, privacy.sealed(item.formSchema(), request.getFormData() == null ? Map.of() : request.getFormData()));
            a.itemCode = item.code();
            a.itemName = item.name();
            a.departmentCode = item.departmentCode();
            if (agent != null) {
                a.filedBy = "AGENT";
                a.filedByStaffId = agent.staffId();
                a.filedByStaffName = agent.name();
            }
            return applications.persist(a)
                    .call(() -> workflow.drafted(a, ProxyAgent.or(agent, cases.residentActor(r)), null, now))
                    .map(saved -> mapper.toApplication(saved, List.of()));
        })));
    }
    @WithTransaction
    public Uni<ApplicationView> updateDraft(UUID residentId, String applicationNo, ApplicationUpdate update,
            String ifMatch) {
        return cases.owned(residentId, applicationNo, true).chain(a -> {
            IfMatch.requireCurrentIfPresent(ifMatch, a.version);
            if (a.state != ApplicationStatus.DRAFT) {
                throw ApiException.of(ApplicationErrors.APPLICATION_STATE_CONFLICT, a.state.name());
            }
            Workflow.touch(a, clock.now());
            if (!ResidentCases.isParent(a)) {
                return items.any(a.itemCode).chain(item -> {
                    a.formData = privacy.sealed(item.formSchema(), update.getFormData());
                    return cases.view(a);
                });
            }
            // 一件事: the merged form is split over the children again, each keeping its item's fields.
            return applications.childrenForUpdate(a.id).chain(children -> {
                List<String> schemas = new java.util.concurrent.CopyOnWriteArrayList<>();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Application child : children) {
                    chain = chain.chain(() -> items.any(child.itemCode)).invoke(item -> {
                        schemas.add(item.formSchema());
                        if (child.state == ApplicationStatus.DRAFT) {
                            child.formData = privacy.sealed(item.formSchema(), FormValidation.fieldsOf(item.formSchema(), update.getFormData()));
                            Workflow.touch(child, a.updatedAt);
                        }
                    }).replaceWithVoid();
                }
                return chain.chain(() -> {
                    a.formData = privacy.seal(update.getFormData(), privacy.personal(schemas));
                    return cases.view(a);
                });
            });
        });
    }
}
