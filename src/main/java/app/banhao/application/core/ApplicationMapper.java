package app.banhao.application.core;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.Applicant;
import app.banhao.api.model.ApplicationMaterialView;
import app.banhao.api.model.ApplicationState;
import app.banhao.api.model.ApplicationSummary;
import app.banhao.api.model.ApplicationView;
import app.banhao.api.model.BundleChild;
import app.banhao.api.model.BundleProgress;
import app.banhao.api.model.BundleProgressProgress;
import app.banhao.api.model.CommitmentRecord;
import app.banhao.api.model.FiledBy;
import app.banhao.api.model.InstantReview;
import app.banhao.api.model.MaterialKind;
import app.banhao.api.model.PredictionBasis;
import app.banhao.api.model.RealNameLevel;
import app.banhao.api.model.SupplementRequestRecord;
import app.banhao.api.model.WorklistItem;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.time.BusinessClock;
import app.banhao.resident.Residents;

/** Applications, materials, events and messages as API models. */
@ApplicationScoped
public class ApplicationMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    /** "Due soon" on the worklist: within this many working days. */
    static final int DUE_SOON_WORKING_DAYS = 2;

    private final ObjectMapper json;
    private final Workflow workflow;
    private final DataProtection crypto;
    private final FormPrivacy privacy;
    private final CompletionOutlook forecast;
    private final BusinessClock clock;

    public ApplicationMapper(ObjectMapper json, Workflow workflow, DataProtection crypto, FormPrivacy privacy,
            CompletionOutlook forecast, BusinessClock clock) {
        this.clock = clock;
        this.forecast = forecast;
        this.json = json;
        this.workflow = workflow;
        this.crypto = crypto;
        this.privacy = privacy;
    }

    /**
     * The application as its owner and the reviewers of its deciding department see it: personal form values in
     * full (the owner typed them; a reviewer decides on them, and {@code review.ReviewService} audits each such read).
     * No other response carries form data.
     */
    public ApplicationView toApplication(Application a, List<ApplicationMaterial> materials) {
        return toApplication(a, privacy.open(a.formData), materials);
    }

    /** As {@link #toApplication(Application, List)}, with {@code a}'s form already opened ({@code form}). */
    public ApplicationView toApplication(Application a, Map<String, Object> form, List<ApplicationMaterial> materials) {
        var view = new ApplicationView()
                .applicationNo(a.applicationNo)
                .queryCode(a.queryCode)
                .itemCode(a.itemCode)
                .itemName(a.itemName)
                .departmentCode(a.departmentCode)
                .bundleCode(a.bundleCode)
                .instantReview(readInstantReview(a.instantReview))
                .state(state(a.state))
                .formData(form)
                .materials(materials.stream().map(this::toMaterial).toList())
                .submittedAt(utc(a.submittedAt))
                .acceptedAt(utc(a.acceptedAt))
                .decidedAt(utc(a.decidedAt))
                .dueDate(a.dueDate)
                .stoppedWorkingDays(a.stoppedWorkingDays + workflow.stoppedSoFar(a))
                .version(a.version)
                .filedBy(FiledBy.fromValue(a.filedBy))
                .filedByStaffName(a.filedByStaffName)
                .awaitingResidentConfirmation(a.proxyConfirmationRequestedAt != null && a.state == ApplicationStatus.DRAFT ? Boolean.TRUE : null)
                .createdAt(utc(a.createdAt))
                .updatedAt(utc(a.updatedAt));
        if (a.commitmentSignedAt != null) {
            view.commitment(new CommitmentRecord().textVersion(a.commitmentTextVersion).signedAt(utc(a.commitmentSignedAt)));
        }
        if (a.supplementRequestedAt != null) {
            view.supplementRequest(new SupplementRequestRecord().missing(readStrings(a.supplementMissing))
                    .note(a.supplementNote).deadline(a.supplementDeadline).requestedAt(utc(a.supplementRequestedAt)));
        }
        if (a.dueDate != null && !a.state.isFinal()) {
            CompletionOutlook.Prediction p = forecast.of(a);
            view.clockStopped(a.clockStoppedOn != null)
                    .workingDaysLeft(workflow.workingDaysUntil(p.promised()))
                    .promisedCompletionDate(p.promised())
                    .predictedCompletionDate(p.predicted())
                    .predictionBasis(PredictionBasis.fromValue(p.basis().name()))
                    .predictionCaseCount(p.caseCount());
        }
        return view;
    }

    /** The last day of a deadline {@code workingDays} working days from today. */
    public LocalDate deadline(int workingDays) {
        return workflow.addWorkingDays(clock.today(), workingDays);
    }

    public ApplicationSummary toSummary(ApplicationRepository.Listed a) {
        return new ApplicationSummary().applicationNo(a.applicationNo()).itemCode(a.itemCode()).itemName(a.itemName())
                .departmentCode(a.departmentCode()).bundleCode(a.bundleCode()).state(state(a.state()))
                .submittedAt(utc(a.submittedAt())).dueDate(a.dueDate())
                .createdAt(utc(a.createdAt())).updatedAt(utc(a.updatedAt()));
    }

    public WorklistItem toWorklistItem(Application a) {
        boolean open = !a.state.isFinal() && a.dueDate != null;
        int left = open ? workflow.workingDaysUntil(workflow.promisedCompletion(a)) : 0;
        boolean overdue = open && workflow.promisedCompletion(a).isBefore(clock.today());
        return new WorklistItem().applicationNo(a.applicationNo).itemCode(a.itemCode).itemName(a.itemName)
                .state(state(a.state)).submittedAt(utc(a.submittedAt)).dueDate(a.dueDate)
                .overdue(overdue).dueSoon(open && !overdue && left <= DUE_SOON_WORKING_DAYS)
                .materialsOverdue(a.materialsOverdue).version(a.version);
    }

    /** A bundle parent's children and how far they are (一件事). */
    public BundleProgress toBundleProgress(List<Application> children) {
        int approved = (int) children.stream().filter(c -> c.state == ApplicationStatus.APPROVED).count();
        int decided = (int) children.stream().filter(c -> c.state.isFinal()).count();
        int total = children.size();
        return new BundleProgress()
                .children(children.stream().map(c -> new BundleChild().applicationNo(c.applicationNo).itemCode(c.itemCode)
                        .itemName(c.itemName).departmentCode(c.departmentCode).state(state(c.state)).dueDate(c.dueDate)
                        .decidedAt(utc(c.decidedAt))).toList())
                .progress(new BundleProgressProgress().total(total).approved(approved).notApproved(decided - approved)
                        .inProgress(total - decided).percent(total == 0 ? 0 : decided * 100 / total));
    }

    public ApplicationMaterialView toMaterial(ApplicationMaterial m) {
        return new ApplicationMaterialView().id(m.id).name(m.name)
                .kind(MaterialKind.fromValue(m.kind.name())).fileName(m.fileName)
                .contentType(m.contentType == null ? null
                        : ApplicationMaterialView.ContentTypeEnum.fromValue(m.contentType))
                .size(m.sizeBytes).sha256(m.sha256 == null ? null : HexFormat.of().formatHex(m.sha256))
                .certificateId(m.certificateId).certificateIdentifier(m.certificateIdentifier).suppliedAt(utc(m.suppliedAt)).supplyBy(m.supplyBy)
                .overdue(m.kind == ApplicationMaterial.Kind.TOLERATED ? m.overdueFlaggedAt != null : null);
    }

    /** The applicant as a reviewer sees them: masked. */
    public Applicant toApplicant(Residents.ResidentSummary r) {
        return new Applicant().name(r.maskedName()).phone(r.maskedPhone()).idNumber(r.maskedIdNumber())
                .level(RealNameLevel.fromValue(r.level().name()));
    }

    public String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable as JSON", e);
        }
    }

    private InstantReview readInstantReview(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, InstantReview.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored instant review does not parse", e);
        }
    }

    public List<String> readStrings(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored list is not a JSON array of text", e);
        }
    }

    public static ApplicationState state(ApplicationStatus s) {
        return ApplicationState.fromValue(s.name());
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
