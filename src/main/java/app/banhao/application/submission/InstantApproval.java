package app.banhao.application.submission;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.InstantReview;
import app.banhao.api.model.InstantRule;
import app.banhao.api.model.InstantRules;
import app.banhao.api.model.RealNameLevel;
import app.banhao.application.core.ApplicationMaterial;
import app.banhao.application.core.Workflow;
import app.banhao.catalog.ItemCatalog;
import app.banhao.resident.Resident;

/**
 * 秒批: the rules an instant item's submission must pass to be approved with no reviewer (configured per item,
 * {@code catalog_item.instant_rules}). Pure checks; {@link Submissions} moves the case through
 * {@link Workflow} when they pass.
 */
@ApplicationScoped
public class InstantApproval {

    /** Who approves a case that passed every rule, as the timeline shows it. */
    public static final Workflow.Actor SYSTEM = new Workflow.Actor("SYSTEM", "instant-approval", "秒批系统");

    private final ObjectMapper json;

    public InstantApproval(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The check of {@code item}'s rules for a submission by an applicant of real-name level {@code applicant}; empty when the item does not approve
     * automatically (not instant, or no rules configured).
     */
    public Optional<InstantReview> check(ItemCatalog.Item item, Resident.Level applicant, boolean committed, List<ApplicationMaterial> materials,
            OffsetDateTime now) {
        if (!item.instant() || item.instantRules() == null) {
            return Optional.empty();
        }
        InstantRules rules = rules(item.instantRules());
        List<InstantRule> passed = new ArrayList<>();
        List<InstantRule> failed = new ArrayList<>();
        if (Boolean.TRUE.equals(rules.getRequireCommitment())) {
            (committed ? passed : failed).add(InstantRule.COMMITMENT_SIGNED);
        }
        if (rules.getRequireLevel() != null) {
            Resident.Level required = Resident.Level.valueOf(rules.getRequireLevel().toString());
            (applicant.atLeast(required) ? passed : failed).add(InstantRule.IDENTITY_LEVEL);
        }
        if (Boolean.TRUE.equals(rules.getRequireAllMaterials())) {
            boolean complete = materials.stream().noneMatch(m -> m.kind == ApplicationMaterial.Kind.TOLERATED);
            (complete ? passed : failed).add(InstantRule.ALL_MATERIALS_SUPPLIED);
        }
        return Optional.of(new InstantReview().approved(failed.isEmpty()).passed(passed).failed(failed)
                .checkedAt(now.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /** The timeline's words for rules that passed ({@code ok}) or failed. */
    public static String describe(List<InstantRule> rules, String requiredLevel, boolean ok) {
        return rules.stream().map(r -> switch (r) {
            case COMMITMENT_SIGNED -> ok ? "已签署告知承诺书" : "未签署告知承诺书";
            case IDENTITY_LEVEL -> ok ? "实名认证达到 " + requiredLevel : "实名认证未达到 " + requiredLevel;
            case ALL_MATERIALS_SUPPLIED -> ok ? "材料齐全" : "有容缺材料待补";
        }).collect(Collectors.joining("、"));
    }

    /** The level an item's rules require, for the timeline ("—" when none). */
    public String requiredLevel(ItemCatalog.Item item) {
        RealNameLevel level = item.instantRules() == null ? null : rules(item.instantRules()).getRequireLevel();
        return level == null ? "—" : level.toString();
    }

    private InstantRules rules(String text) {
        try {
            return json.readValue(text, InstantRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored instant rules do not parse", e);
        }
    }
}
