package app.banhao.application.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import app.banhao.api.model.InstantReview;
import app.banhao.api.model.InstantRule;
import app.banhao.application.core.ApplicationMaterial;
import app.banhao.application.core.BundleSteps;
import app.banhao.application.core.Workflow;
import app.banhao.application.submission.InstantApproval;
import app.banhao.catalog.ItemCatalog;
import app.banhao.resident.Resident;

/**
 * 秒批 rules without Quarkus: each rule an item can configure (commitment signed, real-name level, no material
 * merely tolerated) passes and fails on its own, an absent rule is not checked, and the timeline's words.
 */
class InstantApprovalRulesTest {

    /** 14:30 in Shanghai; the review records the same instant in UTC. */
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 14, 30, 0, 0, ZoneOffset.ofHours(8));

    private static final String ALL_RULES = "{\"requireCommitment\": true, \"requireLevel\": \"L2\", \"requireAllMaterials\": true}";

    private final InstantApproval instant = new InstantApproval(new ObjectMapper());

    private static ItemCatalog.Item item(boolean instant, String rules) {
        return new ItemCatalog.Item("HN-WJW-GGCSWSXK", "公共场所卫生许可证", "HN-WJW", true, 20, 20, instant, rules, null, true, 3,
                List.of(), "省卫生健康委", null);
    }

    private static ApplicationMaterial material(String name, ApplicationMaterial.Kind kind) {
        ApplicationMaterial m = new ApplicationMaterial();
        m.name = name;
        m.kind = kind;
        return m;
    }

    private static final List<ApplicationMaterial> COMPLETE = List.of(material("申请书", ApplicationMaterial.Kind.UPLOAD),
            material("营业执照", ApplicationMaterial.Kind.CERTIFICATE), material("身份证", ApplicationMaterial.Kind.PROFILE),
            material("卫生检测报告", ApplicationMaterial.Kind.COMMITMENT));

    private static final List<ApplicationMaterial> WITH_TOLERATED = List.of(material("申请书", ApplicationMaterial.Kind.UPLOAD),
            material("卫生检测报告", ApplicationMaterial.Kind.TOLERATED));

    private InstantReview check(String rules, Resident.Level level, boolean committed, List<ApplicationMaterial> materials) {
        Optional<InstantReview> review = instant.check(item(true, rules), level, committed, materials, NOW);
        assertTrue(review.isPresent(), "an instant item with rules is checked");
        assertEquals(NOW.toInstant(), review.get().getCheckedAt().toInstant());
        assertEquals(ZoneOffset.UTC, review.get().getCheckedAt().getOffset());
        return review.get();
    }

    private static void assertReview(boolean approved, List<InstantRule> passed, List<InstantRule> failed, InstantReview review) {
        assertEquals(approved, review.getApproved(), "approved");
        assertEquals(passed, review.getPassed(), "passed");
        assertEquals(failed, review.getFailed(), "failed");
    }

    @Test
    void anItemThatIsNotInstantOrHasNoRulesIsNotChecked() {
        assertEquals(Optional.empty(), instant.check(item(false, ALL_RULES), Resident.Level.L3, true, COMPLETE, NOW));
        // an instant item without rules is 即办件, decided by a reviewer on the spot
        assertEquals(Optional.empty(), instant.check(item(true, null), Resident.Level.L3, true, COMPLETE, NOW));
    }

    @Test
    void everyRulePassingApprovesInTheirOrder() {
        assertReview(true, List.of(InstantRule.COMMITMENT_SIGNED, InstantRule.IDENTITY_LEVEL, InstantRule.ALL_MATERIALS_SUPPLIED),
                List.of(), check(ALL_RULES, Resident.Level.L2, true, COMPLETE));
    }

    @Test
    void noRuleConfiguredApprovesWithNothingChecked() {
        assertReview(true, List.of(), List.of(), check("{}", Resident.Level.L0, false, WITH_TOLERATED));
        // explicitly off is the same as absent
        assertReview(true, List.of(), List.of(),
                check("{\"requireCommitment\": false, \"requireAllMaterials\": false}", Resident.Level.L0, false, WITH_TOLERATED));
    }

    @Test
    void commitmentRule() {
        String rules = "{\"requireCommitment\": true}";
        assertReview(true, List.of(InstantRule.COMMITMENT_SIGNED), List.of(), check(rules, Resident.Level.L0, true, List.of()));
        assertReview(false, List.of(), List.of(InstantRule.COMMITMENT_SIGNED), check(rules, Resident.Level.L3, false, COMPLETE));
    }

    @Test
    void identityLevelRuleAcceptsTheLevelOrHigher() {
        String rules = "{\"requireLevel\": \"L2\"}";
        for (Resident.Level level : Resident.Level.values()) {
            boolean enough = level == Resident.Level.L2 || level == Resident.Level.L3;
            InstantReview review = check(rules, level, false, List.of());
            assertEquals(enough, review.getApproved(), level.name());
            assertEquals(enough ? List.of(InstantRule.IDENTITY_LEVEL) : List.of(), review.getPassed(), level.name());
            assertEquals(enough ? List.of() : List.of(InstantRule.IDENTITY_LEVEL), review.getFailed(), level.name());
        }
        assertReview(false, List.of(), List.of(InstantRule.IDENTITY_LEVEL), check("{\"requireLevel\": \"L3\"}", Resident.Level.L2, true, COMPLETE));
        assertReview(true, List.of(InstantRule.IDENTITY_LEVEL), List.of(), check("{\"requireLevel\": \"L0\"}", Resident.Level.L0, false, List.of()));
    }

    @Test
    void allMaterialsRuleFailsOnAToleratedMaterialOnly() {
        String rules = "{\"requireAllMaterials\": true}";
        // uploaded, a wallet certificate, from the profile, or covered by the commitment: all count as supplied
        assertReview(true, List.of(InstantRule.ALL_MATERIALS_SUPPLIED), List.of(), check(rules, Resident.Level.L0, false, COMPLETE));
        assertReview(true, List.of(InstantRule.ALL_MATERIALS_SUPPLIED), List.of(), check(rules, Resident.Level.L0, false, List.of()));
        assertReview(false, List.of(), List.of(InstantRule.ALL_MATERIALS_SUPPLIED), check(rules, Resident.Level.L3, true, WITH_TOLERATED));
    }

    @Test
    void eachFailingRuleIsNamedAndTheOthersStillPass() {
        assertReview(false, List.of(InstantRule.IDENTITY_LEVEL, InstantRule.ALL_MATERIALS_SUPPLIED), List.of(InstantRule.COMMITMENT_SIGNED),
                check(ALL_RULES, Resident.Level.L3, false, COMPLETE));
        assertReview(false, List.of(InstantRule.COMMITMENT_SIGNED, InstantRule.ALL_MATERIALS_SUPPLIED), List.of(InstantRule.IDENTITY_LEVEL),
                check(ALL_RULES, Resident.Level.L1, true, COMPLETE));
        assertReview(false, List.of(InstantRule.COMMITMENT_SIGNED, InstantRule.IDENTITY_LEVEL), List.of(InstantRule.ALL_MATERIALS_SUPPLIED),
                check(ALL_RULES, Resident.Level.L2, true, WITH_TOLERATED));
        assertReview(false, List.of(),
                List.of(InstantRule.COMMITMENT_SIGNED, InstantRule.IDENTITY_LEVEL, InstantRule.ALL_MATERIALS_SUPPLIED),
                check(ALL_RULES, Resident.Level.L0, false, WITH_TOLERATED));
    }

    @Test
    void rulesThatDoNotParseAreAServerFaultNotARefusal() {
        assertThrows(IllegalStateException.class,
                () -> instant.check(item(true, "{not json"), Resident.Level.L3, true, COMPLETE, NOW));
    }

    @Test
    void theTimelineWords() {
        List<InstantRule> all = List.of(InstantRule.COMMITMENT_SIGNED, InstantRule.IDENTITY_LEVEL, InstantRule.ALL_MATERIALS_SUPPLIED);
        assertEquals("已签署告知承诺书、实名认证达到 L2、材料齐全", InstantApproval.describe(all, "L2", true));
        assertEquals("未签署告知承诺书、实名认证未达到 L3、有容缺材料待补", InstantApproval.describe(all, "L3", false));
        assertEquals("实名认证未达到 L2", InstantApproval.describe(List.of(InstantRule.IDENTITY_LEVEL), "L2", false));
        assertEquals("", InstantApproval.describe(List.of(), "—", true));
        // the level the timeline names is the item's, "—" when it asks for none
        assertEquals("L2", instant.requiredLevel(item(true, ALL_RULES)));
        assertEquals("—", instant.requiredLevel(item(true, "{\"requireCommitment\": true}")));
        assertEquals("—", instant.requiredLevel(item(true, null)));
    }

    @Test
    void theSystemActorsTheTimelineShows() {
        assertEquals(new Workflow.Actor("SYSTEM", "instant-approval", "秒批系统"), InstantApproval.SYSTEM);
        assertEquals(new Workflow.Actor("SYSTEM", "bundle-progress", "一件事联办系统"), BundleSteps.SYSTEM);
    }
}
