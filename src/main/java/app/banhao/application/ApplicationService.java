package app.banhao.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationMaterialView;
import app.banhao.api.model.ApplicationCreate;
import app.banhao.api.model.ApplicationEventList;
import app.banhao.api.model.ApplicationPage;
import app.banhao.api.model.ApplicationSubmit;
import app.banhao.api.model.ApplicationUpdate;
import app.banhao.api.model.MaterialReference;
import app.banhao.api.model.SupplementAnswer;
import app.banhao.platform.concurrent.Offload;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.web.IfMatch;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.resident.Resident;
import app.banhao.resident.Residents;
import app.banhao.timeline.CaseTimeline;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import app.banhao.catalog.ItemCatalog;
import app.banhao.api.model.ApplicationView;
import app.banhao.api.model.InstantReview;
import app.banhao.platform.crypto.Digests;

/**
 * The resident's side of applications (办件): drafts, materials, submission, withdrawal and supplement
 * answers. Every lookup is scoped by the resident, so another resident's application is a 404.
 */
@ApplicationScoped
public class ApplicationService {

    /** Largest uploaded material. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** 容缺: working days a tolerated missing material may still be supplied in. */
    static final int TOLERATED_SUPPLY_WORKING_DAYS = 5;
    private static final Set<ApplicationStatus> MATERIAL_STATES = Set.of(ApplicationStatus.DRAFT, ApplicationStatus.SUPPLEMENT_REQUIRED);

    private final ApplicationRepository applications;
    private final ApplicationMaterialRepository materials;
    private final CaseTimeline timeline;
    private final ItemCatalog items;
    private final Residents residents;
    private final ApplicationNumbers numbers;
    private final ApplicationMapper mapper;
    private final Workflow workflow;
    private final Idempotency idempotency;
    private final CertificateLookup certificates;
    private final InstantApproval instant;
    private final FormPrivacy privacy;
    private final ResidentQuotas quotas;

    public ApplicationService(ApplicationRepository applications, ApplicationMaterialRepository materials,
            CaseTimeline timeline, ItemCatalog items, Residents residents, ApplicationNumbers numbers,
            ApplicationMapper mapper, Workflow workflow, Idempotency idempotency, CertificateLookup certificates,
            InstantApproval instant, FormPrivacy privacy, ResidentQuotas quotas) {
        this.applications = applications;
        this.materials = materials;
        this.timeline = timeline;
        this.items = items;
        this.residents = residents;
        this.numbers = numbers;
        this.mapper = mapper;
        this.workflow = workflow;
        this.idempotency = idempotency;
        this.certificates = certificates;
        this.instant = instant;
        this.privacy = privacy;
        this.quotas = quotas;
    }

    /** A draft (or a bundle of them), its creation on the timeline at once; a replay (same Idempotency-Key) writes nothing. */
    public Uni<ApplicationView> create(UUID residentId, ApplicationCreate request, String idempotencyKey) {
        return workflow.commitThenPublish(() -> idempotency.once("resident:" + residentId + ":createApplication", idempotencyKey,
                request, ApplicationView.class, () -> {
                    boolean item = request.getItemCode() != null;
                    boolean bundle = request.getBundleCode() != null;
                    if (item == bundle) {
                        // Exactly one of the two: name the one to drop (both) or the one expected (neither).
                        throw ApiException.field(ErrorCode.VALIDATION_FAILED,
                                FieldError.of(item ? "bundleCode" : "itemCode", item ? FieldCode.NOT_ALLOWED : FieldCode.REQUIRED));
                    }
                    return quotas.requireDraftRoom(residentId)
                            .chain(() -> item ? createDraft(residentId, request) : createBundle(residentId, request));
                }));
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
                throw new ApiException(ErrorCode.BUNDLE_NOT_AVAILABLE, List.of(String.valueOf(code)),
                        List.of(FieldError.of("bundleCode", FieldCode.NOT_ALLOWED)), Map.of());
            }
            return resident(residentId).chain(r -> numbers.next().chain(no -> {
                OffsetDateTime now = Workflow.now();
                // The merged form's personal fields are those of any of its items.
                Application parent = newDraft(no, residentId, now,
                        privacy.seal(form, privacy.personal(parts.stream().map(ItemCatalog.BundlePart::formSchema).toList())));
                parent.bundleCode = bundle.code();
                parent.itemName = bundle.name();
                Uni<Void> chain = applications.persist(parent)
                        .call(() -> workflow.drafted(parent, residentActor(r), null, now))
                        .replaceWithVoid();
                for (ItemCatalog.BundlePart item : parts) {
                    chain = chain.chain(() -> numbers.next()).chain(childNo -> {
                        Application child = newDraft(childNo, residentId, now,
                                sealed(item.formSchema(), FormValidation.fieldsOf(item.formSchema(), form)));
                        child.parentId = parent.id;
                        child.itemCode = item.code();
                        child.itemName = item.name();
                        child.departmentCode = item.departmentCode();
                        return applications.persist(child).call(() -> workflow.drafted(child, residentActor(r),
                                "一件事：" + bundle.name() + "（" + parent.applicationNo + "）", now));
                    }).replaceWithVoid();
                }
                return chain.chain(() -> view(parent));
            }));
        });
    }

    /** {@code form} as stored for an application of {@code item}: the fields its schema marks personal sealed. */
    private String sealed(String formSchema, Map<String, Object> form) {
        return privacy.seal(form, privacy.personal(formSchema));
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

    private Uni<ApplicationView> createDraft(UUID residentId, ApplicationCreate request) {
        return items.active(request.getItemCode()).chain(item -> numbers.next().chain(no -> resident(residentId).chain(r -> {
            OffsetDateTime now = Workflow.now();
            Application a = newDraft(no, residentId, now, sealed(item.formSchema(), request.getFormData() == null ? Map.of() : request.getFormData()));
            a.itemCode = item.code();
            a.itemName = item.name();
            a.departmentCode = item.departmentCode();
            return applications.persist(a)
                    .call(() -> workflow.drafted(a, residentActor(r), null, now))
                    .map(saved -> mapper.toApplication(saved, List.of()));
        })));
    }

    @WithTransaction
    public Uni<ApplicationView> updateDraft(UUID residentId, String applicationNo, ApplicationUpdate update,
            String ifMatch) {
        return owned(residentId, applicationNo, true).chain(a -> {
            IfMatch.requireCurrentIfPresent(ifMatch, a.version);
            if (a.state != ApplicationStatus.DRAFT) {
                throw ApiException.of(ErrorCode.APPLICATION_STATE_CONFLICT, a.state.name());
            }
            Workflow.touch(a, Workflow.now());
            if (!isParent(a)) {
                return items.any(a.itemCode).chain(item -> {
                    a.formData = sealed(item.formSchema(), update.getFormData());
                    return view(a);
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
                            child.formData = sealed(item.formSchema(), FormValidation.fieldsOf(item.formSchema(), update.getFormData()));
                            Workflow.touch(child, a.updatedAt);
                        }
                    }).replaceWithVoid();
                }
                return chain.chain(() -> {
                    a.formData = privacy.seal(update.getFormData(), privacy.personal(schemas));
                    return view(a);
                });
            });
        });
    }

    @WithSession
    public Uni<ApplicationView> get(UUID residentId, String applicationNo) {
        return owned(residentId, applicationNo, false).chain(this::view);
    }

    @WithSession
    public Uni<ApplicationPage> list(UUID residentId, ApplicationStatus state, PageRequest page) {
        return applications.mine(residentId, state, page)
                .map(rows -> Page.from(rows, page, a -> new PageRequest.Cursor(a.createdAt.toString(), a.id.toString()))
                        .map(mapper::toSummary))
                .map(p -> new ApplicationPage().items(p.items()).nextCursor(p.nextCursor()));
    }

    /** The case timeline of the caller's own application (404 for anyone else's), oldest first. */
    @WithSession
    public Uni<ApplicationEventList> timeline(UUID residentId, String applicationNo, Messages.Language language) {
        return owned(residentId, applicationNo, false).chain(a -> timeline.forResident(a.applicationNo, language));
    }

    /**
     * Submits a draft: form, materials and commitment checked, due date set. Its case events (submitted, and 秒批's
     * accepted and approved) go out through the outbox; a replay (same Idempotency-Key) writes none.
     */
    public Uni<ApplicationView> submit(UUID residentId, String applicationNo, String idempotencyKey,
            ApplicationSubmit request) {
        ApplicationSubmit body = request == null ? new ApplicationSubmit() : request;
        return workflow.commitThenPublish(() -> idempotency.once("resident:" + residentId + ":submitApplication:" + applicationNo,
                idempotencyKey, body, ApplicationView.class, () -> submitDraft(residentId, applicationNo, body)));
    }

    private Uni<ApplicationView> submitDraft(UUID residentId, String applicationNo, ApplicationSubmit body) {
        return owned(residentId, applicationNo, true).chain(a -> resident(residentId).chain(r -> {
            if (isParent(a)) {
                return submitBundle(a, r, body);
            }
            if (a.parentId != null) {
                return applications.findById(a.parentId).map(parent -> {
                    throw ApiException.of(ErrorCode.BUNDLE_CHILD, parent.applicationNo);
                });
            }
            return submitOne(a, r, body, false).map(done -> mapper.toApplication(a, done.materials()));
        }));
    }

    /** 一件事: the parent, then every child in the bundle's order, in one transaction; a child's problem is named by its number. */
    private Uni<ApplicationView> submitBundle(Application parent, Residents.ResidentSummary r, ApplicationSubmit body) {
        Workflow.require(parent, Transition.SUBMIT);
        parent.submittedAt = Workflow.now();
        return applications.childrenForUpdate(parent.id).chain(children -> workflow.apply(parent, Transition.SUBMIT, residentActor(r), null)
                .chain(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Application child : children) {
                        chain = chain.chain(() -> submitOne(child, r, body, true)
                                .onFailure(ApiException.class).transform(e -> named((ApiException) e, child.applicationNo)))
                                .replaceWithVoid();
                    }
                    return chain;
                })
                .chain(() -> {
                    parent.dueDate = children.stream().map(c -> c.dueDate).filter(java.util.Objects::nonNull)
                            .max(java.util.Comparator.naturalOrder()).orElse(null);
                    return view(parent);
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
    private Uni<Submitted> submitOne(Application a, Residents.ResidentSummary r, ApplicationSubmit body, boolean inBundle) {
        Workflow.require(a, Transition.SUBMIT);
        return items.active(a.itemCode).chain(item -> materials.of(a.id).chain(supplied -> {
            Map<String, Object> form = privacy.open(a.formData);
            FormValidation.requireValid(item.code(), item.version(), item.formSchema(), mapper.writeJson(form));
            // Sealed again under the schema it is submitted against: a field marked personal since the draft is sealed now.
            a.formData = sealed(item.formSchema(), form);
            OffsetDateTime now = Workflow.now();
            boolean signed = body.getCommitment() != null && Boolean.TRUE.equals(body.getCommitment().getAccepted());
            if (signed && !item.commitmentAllowed() && !inBundle) {
                throw ApiException.field(ErrorCode.COMMITMENT_NOT_ALLOWED,
                        FieldError.of("commitment.accepted", FieldCode.NOT_ALLOWED));
            }
            boolean committed = signed && item.commitmentAllowed();
            List<ApplicationMaterial> covered = cover(a, item, supplied, committed, now);
            if (committed) {
                a.commitmentTextVersion = item.code() + "@v" + item.version();
                a.commitmentSignedAt = now;
            }
            a.submittedAt = now;
            a.dueDate = workflow.addWorkingDays(Workflow.today(), item.promisedDays());
            List<ApplicationMaterial> all = new ArrayList<>(supplied);
            all.addAll(covered);
            var review = instant.check(item, r, committed, all, now);
            // Nothing to cover (every required material supplied): persisting an empty list would fail.
            return (covered.isEmpty() ? Uni.createFrom().voidItem() : materials.persist(covered))
                    .chain(() -> workflow.apply(a, Transition.SUBMIT, residentActor(r), null))
                    .chain(c -> review.isEmpty() ? Uni.createFrom().item(c) : instantly(a, item, review.get(), c, now))
                    .map(c -> new Submitted(all));
        }));
    }

    /**
     * 秒批: records the check; when every rule passed, the system accepts and approves at once (two state changes,
     * each on the timeline and in the inbox); otherwise the case stays SUBMITTED for a reviewer, the timeline saying why.
     */
    private Uni<ApplicationEvents.StateChanged> instantly(Application a, ItemCatalog.Item item, InstantReview review,
            ApplicationEvents.StateChanged submitted, OffsetDateTime now) {
        a.instantReview = mapper.writeJson(review);
        String level = instant.requiredLevel(item);
        if (!review.getApproved()) {
            String note = "秒批未通过：" + InstantApproval.describe(review.getFailed(), level, false) + "，转人工审核";
            return workflow.remark(a, InstantApproval.SYSTEM, CaseEvent.INSTANT_REVIEW_REFERRED, "INSTANT_REVIEW", note, Workflow.now())
                    .replaceWith(submitted);
        }
        a.acceptedAt = now;
        String passed = review.getPassed().isEmpty() ? "即办件" : InstantApproval.describe(review.getPassed(), level, true);
        return workflow.apply(a, Transition.ACCEPT, InstantApproval.SYSTEM, "秒批：" + passed + "，系统自动受理")
                .chain(() -> workflow.apply(a, Transition.APPROVE, InstantApproval.SYSTEM, "秒批：规则全部通过，准予许可"));
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
                covered.add(placeholder(a, required.name(), ApplicationMaterial.Kind.COMMITMENT, null, now));
            } else if (required.toleratedIfMissing()) {
                covered.add(placeholder(a, required.name(), ApplicationMaterial.Kind.TOLERATED,
                        workflow.addWorkingDays(Workflow.today(), TOLERATED_SUPPLY_WORKING_DAYS), now));
            } else {
                missing.add(FieldError.of("materials[" + required.name() + "]", FieldCode.REQUIRED));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.fields(ErrorCode.MATERIALS_MISSING, missing);
        }
        return covered;
    }

    private static ApplicationMaterial placeholder(Application a, String name, ApplicationMaterial.Kind kind, LocalDate supplyBy,
            OffsetDateTime now) {
        ApplicationMaterial m = new ApplicationMaterial();
        m.id = UUID.randomUUID();
        m.applicationId = a.id;
        m.name = name;
        m.kind = kind;
        m.suppliedAt = now;
        m.supplyBy = supplyBy;
        return m;
    }

    public Uni<ApplicationView> withdraw(UUID residentId, String applicationNo, String reason,
            String ifMatch) {
        return workflow.commitThenPublish(() -> owned(residentId, applicationNo, true)
                .invoke(a -> IfMatch.requireCurrentIfPresent(ifMatch, a.version))
                .chain(a -> resident(residentId).chain(r -> workflow.apply(a, Transition.WITHDRAW, residentActor(r), reason)
                        .call(() -> isParent(a) ? withdrawChildren(a, r) : Uni.createFrom().voidItem()))
                        .chain(c -> view(a))));
    }

    /** 一件事: with its parent withdrawn (first, so it does not follow them), every undecided child is withdrawn too. */
    private Uni<Void> withdrawChildren(Application parent, Residents.ResidentSummary r) {
        return applications.childrenForUpdate(parent.id).chain(children -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Application child : children) {
                if (Transition.WITHDRAW.allowedFrom(child.state)) {
                    chain = chain.chain(() -> workflow.apply(child, Transition.WITHDRAW, residentActor(r),
                            "随一件事 " + parent.applicationNo + " 撤回")).replaceWithVoid();
                }
            }
            return chain;
        });
    }

    /**
     * An upload's bytes, read on a worker: the part is a temporary file, and reading it is blocking I/O that must not
     * hold the event loop. The answer comes back on the caller's context, where the request's session lives.
     */
    public static Uni<byte[]> readUpload(InputStream in) {
        return Offload.call(() -> readCapped(in));
    }

    /** Reads an upload, at most {@link #MAX_FILE_BYTES} (413 past it); the bytes of a temporary file, read at once. */
    static byte[] readCapped(InputStream in) {
        if (in == null) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("file", FieldCode.REQUIRED));
        }
        try (in) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw ApiException.of(ErrorCode.FILE_TOO_LARGE, String.valueOf(MAX_FILE_BYTES));
            }
            if (bytes.length == 0) {
                throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("file", FieldCode.REQUIRED));
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.of(ErrorCode.BAD_REQUEST);
        }
    }

    @WithTransaction
    public Uni<ApplicationMaterialView> upload(UUID residentId, String applicationNo, String name, String fileName,
            byte[] content) {
        String type = FileTypes.sniff(content).orElseThrow(() -> ApiException.field(ErrorCode.FILE_TYPE_NOT_ALLOWED,
                FieldError.of("file", FieldCode.NOT_ALLOWED)));
        // The quota first: it locks the resident, then materialTarget the application (one lock order for every path).
        return quotas.requireStorageRoom(residentId, applicationNo, name == null ? "" : name.strip(), content.length)
                .chain(() -> materialTarget(residentId, applicationNo, name)).chain(a -> {
            ApplicationMaterial m = placeholder(a, name.strip(), ApplicationMaterial.Kind.UPLOAD, null, Workflow.now());
            m.fileName = fileName;
            m.contentType = type;
            m.sizeBytes = (long) content.length;
            m.sha256 = sha256(content);
            MaterialFile file = new MaterialFile();
            file.materialId = m.id;
            file.content = content;
            return replace(a, m).call(() -> materials.getSession().chain(s -> s.persist(file)));
        });
    }

    @WithTransaction
    public Uni<ApplicationMaterialView> reference(UUID residentId, String applicationNo, MaterialReference ref) {
        return materialTarget(residentId, applicationNo, ref.getName()).chain(a -> items.any(a.itemCode).chain(item -> {
            ItemCatalog.ItemMaterial material = item.material(ref.getName().strip());
            String accepted = material == null ? null : material.replaceableBy();
            ApplicationMaterial m = placeholder(a, ref.getName().strip(), null, null, Workflow.now());
            if (ref.getKind() == MaterialReference.KindEnum.PROFILE) {
                if (!IDENTITY_CERTIFICATE.equals(accepted)) {
                    throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("kind", FieldCode.NOT_ALLOWED));
                }
                return resident(residentId).chain(r -> {
                    if (!r.atLeast(Resident.Level.L2)) {
                        throw ApiException.of(ErrorCode.PROFILE_NOT_VERIFIED);
                    }
                    m.kind = ApplicationMaterial.Kind.PROFILE;
                    return replace(a, m);
                });
            }
            String certificateId = ref.getCertificateId();
            if (certificateId == null || certificateId.isBlank()) {
                throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("certificateId", FieldCode.REQUIRED));
            }
            return certificates.find(residentId, certificateId).chain(found -> {
                if (found.isEmpty() || !found.get().valid() || accepted == null || !accepted.equals(found.get().type())) {
                    throw ApiException.of(ErrorCode.CERTIFICATE_NOT_USABLE, certificateId);
                }
                m.kind = ApplicationMaterial.Kind.CERTIFICATE;
                m.certificateId = found.get().id();
                return replace(a, m);
            });
        }));
    }

    /** The certificate type of the identity card: the verified profile (实名信息) stands in for it. */
    static final String IDENTITY_CERTIFICATE = "RESIDENT_ID_CARD";

    /**
     * The locked application a material named {@code name} may be added to: in a draft or during 补正 any
     * material of the guide or of the supplement request; while under review only one tolerated as missing (容缺).
     */
    private Uni<Application> materialTarget(UUID residentId, String applicationNo, String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("name", FieldCode.REQUIRED));
        }
        String wanted = name.strip();
        return owned(residentId, applicationNo, true).chain(a -> {
            if (isParent(a)) {
                // 一件事: materials belong to the children, each item's guide naming its own.
                throw new ApiException(ErrorCode.UNKNOWN_MATERIAL, List.of(wanted),
                        List.of(FieldError.of("name", FieldCode.NOT_ALLOWED)), Map.of());
            }
            return Uni.createFrom().item(a);
        }).chain(a -> items.any(a.itemCode).chain(item -> materials.of(a.id).map(list -> {
            boolean tolerated = list.stream().anyMatch(m -> m.name.equals(wanted) && m.kind == ApplicationMaterial.Kind.TOLERATED);
            if (!MATERIAL_STATES.contains(a.state) && !(tolerated && !a.state.isFinal())) {
                throw ApiException.of(ErrorCode.APPLICATION_STATE_CONFLICT, a.state.name());
            }
            boolean known = item.material(wanted) != null
                    || mapper.readStrings(a.supplementMissing).contains(wanted) && a.state == ApplicationStatus.SUPPLEMENT_REQUIRED;
            if (!known) {
                throw new ApiException(ErrorCode.UNKNOWN_MATERIAL, List.of(wanted),
                        List.of(FieldError.of("name", FieldCode.NOT_ALLOWED)), Map.of());
            }
            return a;
        })));
    }

    /** Records {@code m} in place of any earlier material of the same name; the application's version goes up. */
    private Uni<ApplicationMaterialView> replace(Application a, ApplicationMaterial m) {
        Workflow.touch(a, m.suppliedAt);
        return materials.deleteNamed(a.id, m.name)
                .chain(() -> materials.persist(m))
                .map(mapper::toMaterial);
    }

    /** Answers a 补正 request: every requested material supplied since the request, the case goes back where it was. */
    public Uni<ApplicationView> supply(UUID residentId, String applicationNo, SupplementAnswer answer) {
        return workflow.commitThenPublish(() -> owned(residentId, applicationNo, true).chain(a -> {
            Workflow.require(a, Transition.SUPPLY);
            return materials.of(a.id).chain(list -> resident(residentId).chain(r -> {
                List<FieldError> missing = mapper.readStrings(a.supplementMissing).stream()
                        .filter(name -> list.stream().noneMatch(m -> m.name.equals(name) && m.kind.supplied()
                                && !m.suppliedAt.isBefore(a.supplementRequestedAt)))
                        .map(name -> FieldError.of("materials[" + name + "]", FieldCode.REQUIRED))
                        .toList();
                if (!missing.isEmpty()) {
                    throw ApiException.fields(ErrorCode.MATERIALS_MISSING, missing);
                }
                String note = answer == null ? null : answer.getNote();
                return workflow.apply(a, Transition.SUPPLY, residentActor(r), note)
                        .invoke(() -> a.resumeState = null)
                        .map(c -> mapper.toApplication(a, list));
            }));
        }));
    }

    private Uni<Application> owned(UUID residentId, String applicationNo, boolean forUpdate) {
        return (forUpdate ? applications.findOwnedForUpdate(applicationNo, residentId) : applications.findOwned(applicationNo, residentId))
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND));
    }

    /** The resident's view: with its children and their progress for a bundle's parent, its parent's number for a child. */
    private Uni<ApplicationView> view(Application a) {
        return materials.of(a.id).map(list -> mapper.toApplication(a, list)).chain(v -> {
            if (isParent(a)) {
                return applications.children(a.id).map(children -> v.bundle(mapper.toBundleProgress(children)));
            }
            if (a.parentId != null) {
                return applications.findById(a.parentId).map(parent -> v.parentApplicationNo(parent.applicationNo));
            }
            return Uni.createFrom().item(v);
        });
    }

    /** A bundle's parent (一件事): no item of its own. */
    private static boolean isParent(Application a) {
        return a.itemCode == null && a.bundleCode != null;
    }

    private Uni<Residents.ResidentSummary> resident(UUID residentId) {
        return residents.summary(residentId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.UNAUTHORIZED));
    }

    private Workflow.Actor residentActor(Residents.ResidentSummary r) {
        return new Workflow.Actor("RESIDENT", r.id().toString(), r.displayName());
    }

    private static byte[] sha256(byte[] content) {
        return Digests.sha256(content);
    }
}
