package app.banhao.application;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationCreate;
import app.banhao.api.model.ApplicationEventList;
import app.banhao.api.model.ApplicationPage;
import app.banhao.api.model.ApplicationSubmit;
import app.banhao.api.model.ApplicationUpdate;
import app.banhao.api.model.MaterialReference;
import app.banhao.api.model.SupplementAnswer;
import app.banhao.catalog.HotServices;
import app.banhao.catalog.Material;
import app.banhao.catalog.ServiceItem;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.resident.Resident;
import app.banhao.resident.ResidentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

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
    private final ApplicationEventRepository events;
    private final ApplicationItems items;
    private final ResidentRepository residents;
    private final ApplicationNumbers numbers;
    private final ApplicationMapper mapper;
    private final Workflow workflow;
    private final Idempotency idempotency;
    private final HotServices hot;
    private final CertificateLookup certificates;

    public ApplicationService(ApplicationRepository applications, ApplicationMaterialRepository materials,
            ApplicationEventRepository events, ApplicationItems items, ResidentRepository residents, ApplicationNumbers numbers,
            ApplicationMapper mapper, Workflow workflow, Idempotency idempotency, HotServices hot, CertificateLookup certificates) {
        this.applications = applications;
        this.materials = materials;
        this.events = events;
        this.items = items;
        this.residents = residents;
        this.numbers = numbers;
        this.mapper = mapper;
        this.workflow = workflow;
        this.idempotency = idempotency;
        this.hot = hot;
        this.certificates = certificates;
    }

    @WithTransaction
    public Uni<app.banhao.api.model.Application> create(UUID residentId, ApplicationCreate request, String idempotencyKey) {
        return idempotency.once("resident:" + residentId + ":createApplication", idempotencyKey, request,
                app.banhao.api.model.Application.class, () -> createDraft(residentId, request));
    }

    private Uni<app.banhao.api.model.Application> createDraft(UUID residentId, ApplicationCreate request) {
        return items.active(request.getItemCode()).chain(item -> numbers.next().chain(no -> resident(residentId).chain(r -> {
            OffsetDateTime now = Workflow.now();
            Application a = new Application();
            a.id = UUID.randomUUID();
            a.applicationNo = no;
            a.residentId = residentId;
            a.itemCode = item.code;
            a.itemName = item.name;
            a.departmentCode = item.department.code;
            a.state = ApplicationStatus.DRAFT;
            a.formData = mapper.writeJson(request.getFormData() == null ? Map.of() : request.getFormData());
            a.filedBy = "RESIDENT";
            a.createdAt = now;
            a.updatedAt = now;
            return applications.persist(a)
                    .call(() -> workflow.record(a, residentActor(r), null, ApplicationStatus.DRAFT, "CREATED", null, now))
                    .map(saved -> mapper.toApplication(saved, List.of()));
        })));
    }

    @WithTransaction
    public Uni<app.banhao.api.model.Application> updateDraft(UUID residentId, String applicationNo, ApplicationUpdate update) {
        return owned(residentId, applicationNo, true).chain(a -> {
            if (a.state != ApplicationStatus.DRAFT) {
                throw ApiException.of(ErrorCode.APPLICATION_STATE_CONFLICT, a.state.name());
            }
            a.formData = mapper.writeJson(update.getFormData());
            Workflow.touch(a, Workflow.now());
            return view(a);
        });
    }

    @WithSession
    public Uni<app.banhao.api.model.Application> get(UUID residentId, String applicationNo) {
        return owned(residentId, applicationNo, false).chain(this::view);
    }

    @WithSession
    public Uni<ApplicationPage> list(UUID residentId, ApplicationStatus state, PageRequest page) {
        return applications.mine(residentId, state, page)
                .map(rows -> Page.from(rows, page, a -> new PageRequest.Cursor(a.createdAt.toString(), a.id.toString()))
                        .map(mapper::toSummary))
                .map(p -> new ApplicationPage().items(p.items()).nextCursor(p.nextCursor()));
    }

    @WithSession
    public Uni<ApplicationEventList> timeline(UUID residentId, String applicationNo) {
        return owned(residentId, applicationNo, false).chain(a -> events.timeline(a.id))
                .map(list -> new ApplicationEventList().items(list.stream().map(mapper::toEvent).toList()));
    }

    /**
     * Submits a draft: form, materials and commitment checked, due date set, counted in the hot ranking. The
     * state change is published once committed; a replay (same Idempotency-Key) publishes nothing.
     */
    public Uni<app.banhao.api.model.Application> submit(UUID residentId, String applicationNo, String idempotencyKey,
            ApplicationSubmit request) {
        AtomicReference<ApplicationEvents.StateChanged> change = new AtomicReference<>();
        ApplicationSubmit body = request == null ? new ApplicationSubmit() : request;
        return workflow.commitThenPublish(() -> idempotency.once(
                "resident:" + residentId + ":submitApplication:" + applicationNo, idempotencyKey, body,
                app.banhao.api.model.Application.class, () -> submitDraft(residentId, applicationNo, body, change))
                .map(view -> new Workflow.Outcome<>(view, residentId, change.get())))
                .call(view -> change.get() == null ? Uni.createFrom().voidItem() : hot.recordApplication(view.getItemCode()));
    }

    private Uni<app.banhao.api.model.Application> submitDraft(UUID residentId, String applicationNo, ApplicationSubmit body,
            AtomicReference<ApplicationEvents.StateChanged> change) {
        return owned(residentId, applicationNo, true).chain(a -> {
            Workflow.require(a, Transition.SUBMIT);
            return items.active(a.itemCode).chain(item -> materials.of(a.id).chain(supplied -> resident(residentId).chain(r -> {
                FormValidation.requireValid(item.code, item.version, item.formSchema, a.formData);
                OffsetDateTime now = Workflow.now();
                boolean committed = body.getCommitment() != null && Boolean.TRUE.equals(body.getCommitment().getAccepted());
                if (committed && !item.commitmentAllowed) {
                    throw ApiException.field(ErrorCode.COMMITMENT_NOT_ALLOWED,
                            FieldError.of("commitment.accepted", FieldCode.NOT_ALLOWED));
                }
                List<ApplicationMaterial> covered = cover(a, item, supplied, committed, now);
                if (committed) {
                    a.commitmentTextVersion = item.code + "@v" + item.version;
                    a.commitmentSignedAt = now;
                }
                a.submittedAt = now;
                a.dueDate = workflow.addWorkingDays(Workflow.today(), item.promisedDays);
                List<ApplicationMaterial> all = new ArrayList<>(supplied);
                all.addAll(covered);
                // Nothing to cover (every required material supplied): persisting an empty list would fail.
                return (covered.isEmpty() ? Uni.createFrom().voidItem() : materials.persist(covered))
                        .chain(() -> workflow.apply(a, Transition.SUBMIT, residentActor(r), null))
                        .invoke(change::set)
                        .map(c -> mapper.toApplication(a, all));
            })));
        });
    }

    /**
     * The placeholders for required materials not supplied: 告知承诺 where signed, else 容缺 (with a deadline)
     * where tolerated; anything else is missing, and a 422 names each.
     */
    private List<ApplicationMaterial> cover(Application a, ServiceItem item, List<ApplicationMaterial> supplied, boolean committed,
            OffsetDateTime now) {
        Set<String> present = supplied.stream().filter(m -> m.kind.supplied()).map(m -> m.name).collect(Collectors.toSet());
        List<ApplicationMaterial> covered = new ArrayList<>();
        List<FieldError> missing = new ArrayList<>();
        for (Material required : item.materials) {
            if (!required.required || present.contains(required.name)) {
                continue;
            }
            if (committed) {
                covered.add(placeholder(a, required.name, ApplicationMaterial.Kind.COMMITMENT, null, now));
            } else if (required.toleratedIfMissing) {
                covered.add(placeholder(a, required.name, ApplicationMaterial.Kind.TOLERATED,
                        workflow.addWorkingDays(Workflow.today(), TOLERATED_SUPPLY_WORKING_DAYS), now));
            } else {
                missing.add(FieldError.of("materials[" + required.name + "]", FieldCode.REQUIRED));
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

    public Uni<app.banhao.api.model.Application> withdraw(UUID residentId, String applicationNo, String reason) {
        return workflow.commitThenPublish(() -> owned(residentId, applicationNo, true)
                .chain(a -> resident(residentId).chain(r -> workflow.apply(a, Transition.WITHDRAW, residentActor(r), reason))
                        .chain(c -> view(a).map(v -> new Workflow.Outcome<>(v, residentId, c)))));
    }

    /** Reads an upload, at most {@link #MAX_FILE_BYTES} (413 past it); the bytes of a temporary file, read at once. */
    public static byte[] readCapped(InputStream in) {
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
    public Uni<app.banhao.api.model.ApplicationMaterial> upload(UUID residentId, String applicationNo, String name, String fileName,
            byte[] content) {
        String type = FileTypes.sniff(content).orElseThrow(() -> ApiException.field(ErrorCode.FILE_TYPE_NOT_ALLOWED,
                FieldError.of("file", FieldCode.NOT_ALLOWED)));
        return materialTarget(residentId, applicationNo, name).chain(a -> {
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
    public Uni<app.banhao.api.model.ApplicationMaterial> reference(UUID residentId, String applicationNo, MaterialReference ref) {
        return materialTarget(residentId, applicationNo, ref.getName()).chain(a -> items.any(a.itemCode).chain(item -> {
            Material material = item.materials.stream().filter(x -> x.name.equals(ref.getName().strip())).findFirst().orElse(null);
            String accepted = material == null ? null : material.replaceableBy;
            ApplicationMaterial m = placeholder(a, ref.getName().strip(), null, null, Workflow.now());
            if (ref.getKind() == MaterialReference.KindEnum.PROFILE) {
                if (!IDENTITY_CERTIFICATE.equals(accepted)) {
                    throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("kind", FieldCode.NOT_ALLOWED));
                }
                return resident(residentId).chain(r -> {
                    if (r.level.ordinal() < Resident.Level.L2.ordinal()) {
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
        return owned(residentId, applicationNo, true).chain(a -> items.any(a.itemCode).chain(item -> materials.of(a.id).map(list -> {
            boolean tolerated = list.stream().anyMatch(m -> m.name.equals(wanted) && m.kind == ApplicationMaterial.Kind.TOLERATED);
            if (!MATERIAL_STATES.contains(a.state) && !(tolerated && !a.state.isFinal())) {
                throw ApiException.of(ErrorCode.APPLICATION_STATE_CONFLICT, a.state.name());
            }
            boolean known = item.materials.stream().anyMatch(m -> m.name.equals(wanted))
                    || mapper.readStrings(a.supplementMissing).contains(wanted) && a.state == ApplicationStatus.SUPPLEMENT_REQUIRED;
            if (!known) {
                throw new ApiException(ErrorCode.UNKNOWN_MATERIAL, List.of(wanted),
                        List.of(FieldError.of("name", FieldCode.NOT_ALLOWED)), Map.of());
            }
            return a;
        })));
    }

    /** Records {@code m} in place of any earlier material of the same name; the application's version goes up. */
    private Uni<app.banhao.api.model.ApplicationMaterial> replace(Application a, ApplicationMaterial m) {
        Workflow.touch(a, m.suppliedAt);
        return materials.deleteNamed(a.id, m.name)
                .chain(() -> materials.persist(m))
                .map(mapper::toMaterial);
    }

    /** Answers a 补正 request: every requested material supplied since the request, the case goes back where it was. */
    public Uni<app.banhao.api.model.Application> supply(UUID residentId, String applicationNo, SupplementAnswer answer) {
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
                        .map(c -> new Workflow.Outcome<>(mapper.toApplication(a, list), residentId, c));
            }));
        }));
    }

    private Uni<Application> owned(UUID residentId, String applicationNo, boolean forUpdate) {
        return (forUpdate ? applications.findOwnedForUpdate(applicationNo, residentId) : applications.findOwned(applicationNo, residentId))
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND));
    }

    private Uni<app.banhao.api.model.Application> view(Application a) {
        return materials.of(a.id).map(list -> mapper.toApplication(a, list));
    }

    private Uni<Resident> resident(UUID residentId) {
        return residents.findById(residentId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.UNAUTHORIZED));
    }

    private Workflow.Actor residentActor(Resident r) {
        return new Workflow.Actor("RESIDENT", r.id.toString(), mapper.displayName(r));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
