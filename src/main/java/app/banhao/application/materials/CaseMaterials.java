package app.banhao.application.materials;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationMaterialView;
import app.banhao.api.model.ApplicationView;
import app.banhao.api.model.MaterialReference;
import app.banhao.api.model.SupplementAnswer;
import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationErrors;
import app.banhao.application.core.ApplicationMapper;
import app.banhao.application.core.ApplicationMaterial;
import app.banhao.application.core.ApplicationMaterialRepository;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.ResidentCases;
import app.banhao.application.core.ResidentQuotas;
import app.banhao.application.core.Transition;
import app.banhao.application.core.Workflow;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.concurrent.Offload;
import app.banhao.platform.crypto.Digests;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.web.MultipartReceipt;
import app.banhao.resident.Resident;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Materials of an application: uploads (read off the event loop, type-checked), references to a certificate or
 * the profile, and the answer to a supplement request.
 */
@ApplicationScoped
public class CaseMaterials {

    /** Largest uploaded material. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    private static final Set<ApplicationStatus> MATERIAL_STATES = Set.of(ApplicationStatus.DRAFT, ApplicationStatus.SUPPLEMENT_REQUIRED);
    /** The certificate type of the identity card: the verified profile (实名信息) stands in for it. */
    static final String IDENTITY_CERTIFICATE = "RESIDENT_ID_CARD";

    private final ResidentCases cases;
    private final ApplicationMaterialRepository materials;
    private final ItemCatalog items;
    private final ApplicationMapper mapper;
    private final Workflow workflow;
    private final CertificateLookup certificates;
    private final ResidentQuotas quotas;
    private final BusinessClock clock;

    public CaseMaterials(ResidentCases cases, ApplicationMaterialRepository materials, ItemCatalog items,
            ApplicationMapper mapper, Workflow workflow, CertificateLookup certificates, ResidentQuotas quotas,
            BusinessClock clock) {
        this.cases = cases;
        this.materials = materials;
        this.items = items;
        this.mapper = mapper;
        this.workflow = workflow;
        this.certificates = certificates;
        this.quotas = quotas;
        this.clock = clock;
    }
    /**
     * An upload's bytes, read on a worker: the part is a temporary file, and reading it is blocking I/O that must not
     * hold the event loop. The answer comes back on the caller's context, where the request's session lives.
     */
    public static Uni<byte[]> readUpload(InputStream in) {
        MultipartReceipt receipt = MultipartReceipt.ofCurrentRequest();
        return Offload.call(() -> readCapped(in)).onFailure(CaseMaterials::noFile)
                .invoke(() -> Log.infof("Upload without a file part or with an empty one: %s", receipt.describe()));
    }
    private static boolean noFile(Throwable failure) {
        return failure instanceof ApiException e && e.code() == ErrorCode.VALIDATION_FAILED;
    }
    /** Reads an upload, at most {@link #MAX_FILE_BYTES} (413 past it); the bytes of a temporary file, read at once. */
    static byte[] readCapped(InputStream in) {
        if (in == null) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("file", FieldCode.REQUIRED));
        }
        try (in) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw ApiException.of(ApplicationErrors.FILE_TOO_LARGE, String.valueOf(MAX_FILE_BYTES));
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
        String type = FileTypes.sniff(content).orElseThrow(() -> ApiException.field(ApplicationErrors.FILE_TYPE_NOT_ALLOWED,
                FieldError.of("file", FieldCode.NOT_ALLOWED)));
        // The quota first: it locks the resident, then materialTarget the application (one lock order for every path).
        return quotas.requireStorageRoom(residentId, applicationNo, name == null ? "" : name.strip(), content.length)
                .chain(() -> materialTarget(residentId, applicationNo, name)).chain(a -> {
            ApplicationMaterial m = placeholder(a, name.strip(), ApplicationMaterial.Kind.UPLOAD, null, clock.now());
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
            ApplicationMaterial m = placeholder(a, ref.getName().strip(), null, null, clock.now());
            if (ref.getKind() == MaterialReference.KindEnum.PROFILE) {
                if (!IDENTITY_CERTIFICATE.equals(accepted)) {
                    throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("kind", FieldCode.NOT_ALLOWED));
                }
                return cases.resident(residentId).chain(r -> {
                    if (!r.atLeast(Resident.Level.L2)) {
                        throw ApiException.of(ApplicationErrors.PROFILE_NOT_VERIFIED);
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
                    throw ApiException.of(ApplicationErrors.CERTIFICATE_NOT_USABLE, certificateId);
                }
                m.kind = ApplicationMaterial.Kind.CERTIFICATE;
                m.certificateId = found.get().id();
                if (a.state == ApplicationStatus.DRAFT) {
                    // No department reads a draft: the use is recorded when it is submitted (Submissions).
                    return replace(a, m);
                }
                // Added to a case under review (补正, 容缺): the department reads it now.
                return certificates.usedAsMaterial(residentId, found.get().id(),
                        new CertificateLookup.MaterialUse(a.applicationNo, a.itemName, a.departmentCode))
                        .chain(identifier -> {
                            m.certificateIdentifier = identifier.orElseThrow(
                                    () -> ApiException.of(ApplicationErrors.CERTIFICATE_NOT_USABLE, certificateId));
                            return replace(a, m);
                        });
            });
        }));
    }
    /**
     * The locked application a material named {@code name} may be added to: in a draft or during 补正 any
     * material of the guide or of the supplement request; while under review only one tolerated as missing (容缺).
     */
    private Uni<Application> materialTarget(UUID residentId, String applicationNo, String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("name", FieldCode.REQUIRED));
        }
        String wanted = name.strip();
        return cases.owned(residentId, applicationNo, true).chain(a -> {
            if (ResidentCases.isParent(a)) {
                // 一件事: materials belong to the children, each item's guide naming its own.
                throw new ApiException(ApplicationErrors.UNKNOWN_MATERIAL, List.of(wanted),
                        List.of(FieldError.of("name", FieldCode.NOT_ALLOWED)), Map.of());
            }
            return Uni.createFrom().item(a);
        }).chain(a -> items.any(a.itemCode).chain(item -> materials.of(a.id).map(list -> {
            boolean tolerated = list.stream().anyMatch(m -> m.name.equals(wanted) && m.kind == ApplicationMaterial.Kind.TOLERATED);
            if (!MATERIAL_STATES.contains(a.state) && !(tolerated && !a.state.isFinal())) {
                throw ApiException.of(ApplicationErrors.APPLICATION_STATE_CONFLICT, a.state.name());
            }
            boolean known = item.material(wanted) != null
                    || mapper.readStrings(a.supplementMissing).contains(wanted) && a.state == ApplicationStatus.SUPPLEMENT_REQUIRED;
            if (!known) {
                throw new ApiException(ApplicationErrors.UNKNOWN_MATERIAL, List.of(wanted),
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
        return workflow.commitThenPublish(() -> cases.owned(residentId, applicationNo, true).chain(a -> {
            Workflow.require(a, Transition.SUPPLY);
            return materials.of(a.id).chain(list -> cases.resident(residentId).chain(r -> {
                List<FieldError> missing = mapper.readStrings(a.supplementMissing).stream()
                        .filter(name -> list.stream().noneMatch(m -> m.name.equals(name) && m.kind.supplied()
                                && !m.suppliedAt.isBefore(a.supplementRequestedAt)))
                        .map(name -> FieldError.of("materials[" + name + "]", FieldCode.REQUIRED))
                        .toList();
                if (!missing.isEmpty()) {
                    throw ApiException.fields(ApplicationErrors.MATERIALS_MISSING, missing);
                }
                String note = answer == null ? null : answer.getNote();
                return workflow.apply(a, Transition.SUPPLY, cases.residentActor(r), note)
                        .invoke(() -> a.resumeState = null)
                        .map(c -> mapper.toApplication(a, list));
            }));
        }));
    }
    public static ApplicationMaterial placeholder(Application a, String name, ApplicationMaterial.Kind kind, LocalDate supplyBy,
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
    private static byte[] sha256(byte[] content) {
        return Digests.sha256(content);
    }
}
