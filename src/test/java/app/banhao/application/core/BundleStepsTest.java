package app.banhao.application.core;

import static app.banhao.application.core.ApplicationStatus.ACCEPTED;
import static app.banhao.application.core.ApplicationStatus.APPROVED;
import static app.banhao.application.core.ApplicationStatus.CLOSED_TIMEOUT;
import static app.banhao.application.core.ApplicationStatus.DRAFT;
import static app.banhao.application.core.ApplicationStatus.NOT_ACCEPTED;
import static app.banhao.application.core.ApplicationStatus.REJECTED;
import static app.banhao.application.core.ApplicationStatus.SUBMITTED;
import static app.banhao.application.core.ApplicationStatus.SUPPLEMENT_REQUIRED;
import static app.banhao.application.core.ApplicationStatus.SUSPENDED;
import static app.banhao.application.core.ApplicationStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.BundleSteps;
import app.banhao.application.core.Transition;

/**
 * 一件事 without Quarkus: the parent follows its children as README "Bundles" says — ACCEPTED once any child is
 * accepted, APPROVED when all are approved, and once every child is decided with one not approved, REJECTED
 * (NOT_ACCEPTED if none was ever accepted); a parent that is not SUBMITTED or ACCEPTED does not move.
 */
class BundleStepsTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 23, 3, 0, 0, 0, ZoneOffset.UTC);
    private static int numbers;

    /** A child in {@code state}; {@code accepted}: a department accepted it at some point. */
    private static Application child(ApplicationStatus state, boolean accepted) {
        Application c = new Application();
        c.state = state;
        c.acceptedAt = accepted ? T : null;
        c.applicationNo = "43000020261123" + String.format("%08d", ++numbers);
        c.itemName = "事项" + numbers;
        return c;
    }

    /** A child as the state machine leaves it: accepted exactly when its state lies past ACCEPTED. */
    private static Application child(ApplicationStatus state) {
        return child(state, EnumSet.of(ACCEPTED, SUSPENDED, APPROVED, REJECTED).contains(state));
    }

    private static List<Transition> steps(ApplicationStatus parent, Application... children) {
        return BundleSteps.steps(parent, List.of(children));
    }

    @Test
    void noChildrenNoSteps() {
        assertEquals(List.of(), BundleSteps.steps(SUBMITTED, List.of()));
        assertEquals(List.of(), BundleSteps.steps(ACCEPTED, List.of()));
    }

    @Test
    void aParentNeitherSubmittedNorAcceptedDoesNotMove() {
        for (ApplicationStatus parent : EnumSet.complementOf(EnumSet.of(SUBMITTED, ACCEPTED))) {
            // children that would move a submitted parent twice
            assertEquals(List.of(), steps(parent, child(APPROVED), child(APPROVED)), parent.name());
            assertEquals(List.of(), steps(parent, child(ACCEPTED), child(SUBMITTED)), parent.name());
        }
    }

    @Test
    void nothingHappensWhileNoChildIsAcceptedOrAllDecided() {
        assertEquals(List.of(), steps(SUBMITTED, child(SUBMITTED), child(SUBMITTED)));
        // 补正 before acceptance and a child already refused: the others are still open, none accepted yet
        assertEquals(List.of(), steps(SUBMITTED, child(SUPPLEMENT_REQUIRED, false), child(NOT_ACCEPTED)));
    }

    @Test
    void theFirstAcceptedChildAcceptsTheParent() {
        assertEquals(List.of(Transition.ACCEPT), steps(SUBMITTED, child(ACCEPTED), child(SUBMITTED)));
        // a child accepted and since sent to 补正 or 特别程序 still counts as accepted
        assertEquals(List.of(Transition.ACCEPT), steps(SUBMITTED, child(SUPPLEMENT_REQUIRED, true), child(SUBMITTED)));
        assertEquals(List.of(Transition.ACCEPT), steps(SUBMITTED, child(SUSPENDED), child(SUBMITTED)));
        // an already accepted parent is not accepted again
        assertEquals(List.of(), steps(ACCEPTED, child(ACCEPTED), child(SUBMITTED)));
        assertEquals(List.of(), steps(ACCEPTED, child(APPROVED), child(ACCEPTED)));
    }

    @Test
    void allApprovedApprovesTheParent() {
        assertEquals(List.of(Transition.APPROVE), steps(ACCEPTED, child(APPROVED), child(APPROVED), child(APPROVED)));
        // children approved in one go (秒批) while the parent was still submitted: accepted, then approved
        assertEquals(List.of(Transition.ACCEPT, Transition.APPROVE), steps(SUBMITTED, child(APPROVED), child(APPROVED)));
        assertEquals(List.of(Transition.ACCEPT, Transition.APPROVE), steps(SUBMITTED, child(APPROVED)));
    }

    @Test
    void oneApprovedChildDoesNotApproveTheParentWhileOthersAreOpen() {
        for (ApplicationStatus open : List.of(SUBMITTED, ACCEPTED, SUPPLEMENT_REQUIRED, SUSPENDED)) {
            assertEquals(List.of(), steps(ACCEPTED, child(APPROVED), child(open)), open.name());
        }
        // a rejected child shows on the parent, which stays ACCEPTED until the last child is decided
        assertEquals(List.of(), steps(ACCEPTED, child(REJECTED), child(ACCEPTED)));
    }

    @Test
    void allDecidedWithOneNotApprovedRejectsAnAcceptedParent() {
        for (ApplicationStatus notApproved : List.of(REJECTED, NOT_ACCEPTED, WITHDRAWN, CLOSED_TIMEOUT)) {
            assertEquals(List.of(Transition.REJECT), steps(ACCEPTED, child(APPROVED), child(notApproved)), notApproved.name());
        }
        // the parent was accepted once: REJECT (NOT_ACCEPT is no edge from ACCEPTED) even if no child was approved
        assertEquals(List.of(Transition.REJECT), steps(ACCEPTED, child(NOT_ACCEPTED), child(WITHDRAWN, false)));
        // still SUBMITTED but a child was accepted: accepted first, then rejected
        assertEquals(List.of(Transition.ACCEPT, Transition.REJECT), steps(SUBMITTED, child(REJECTED), child(NOT_ACCEPTED)));
        assertEquals(List.of(Transition.ACCEPT, Transition.REJECT), steps(SUBMITTED, child(WITHDRAWN, true), child(NOT_ACCEPTED)));
    }

    @Test
    void allDecidedAndNoneEverAcceptedIsNotAccepted() {
        assertEquals(List.of(Transition.NOT_ACCEPT), steps(SUBMITTED, child(NOT_ACCEPTED), child(NOT_ACCEPTED)));
        assertEquals(List.of(Transition.NOT_ACCEPT), steps(SUBMITTED, child(NOT_ACCEPTED), child(WITHDRAWN, false)));
        assertEquals(List.of(Transition.NOT_ACCEPT), steps(SUBMITTED, child(CLOSED_TIMEOUT, false)));
    }

    /**
     * Every combination of two and three children in states the state machine can leave them in: the steps are a
     * path the state machine allows from the parent's state, and they end where the README says.
     */
    @Test
    void theStepsAreAlwaysALegalPathToTheDocumentedState() {
        List<Application> kinds = new ArrayList<>();
        for (ApplicationStatus s : EnumSet.complementOf(EnumSet.of(DRAFT))) {
            kinds.add(child(s));
        }
        // states a child can reach both before and after being accepted (added above as never accepted)
        for (ApplicationStatus s : List.of(SUPPLEMENT_REQUIRED, WITHDRAWN, CLOSED_TIMEOUT)) {
            kinds.add(child(s, true));
        }
        int checked = 0;
        for (ApplicationStatus parent : List.of(SUBMITTED, ACCEPTED)) {
            for (Application a : kinds) {
                for (Application b : kinds) {
                    checked += checkPath(parent, List.of(a, b));
                    for (Application c : kinds) {
                        checked += checkPath(parent, List.of(a, b, c));
                    }
                }
            }
        }
        assertTrue(checked > 1000, "combinations checked: " + checked);
    }

    private static int checkPath(ApplicationStatus parent, List<Application> children) {
        String where = parent + " with " + children.stream().map(c -> c.state + (c.acceptedAt != null ? "*" : "")).toList();
        ApplicationStatus state = parent;
        for (Transition t : BundleSteps.steps(parent, children)) {
            assertTrue(t.allowedFrom(state), t + " from " + state + ": " + where);
            state = t.target(null);
        }
        assertEquals(expected(parent, children), state, where);
        return 1;
    }

    /** README "Bundles", stated independently of {@link BundleSteps}. */
    private static ApplicationStatus expected(ApplicationStatus parent, List<Application> children) {
        boolean anyAccepted = parent == ACCEPTED || children.stream().anyMatch(c -> c.acceptedAt != null);
        Set<ApplicationStatus> decided = EnumSet.of(APPROVED, REJECTED, NOT_ACCEPTED, WITHDRAWN, CLOSED_TIMEOUT);
        if (!children.stream().allMatch(c -> decided.contains(c.state))) {
            return anyAccepted ? ACCEPTED : SUBMITTED;
        }
        if (children.stream().allMatch(c -> c.state == APPROVED)) {
            return APPROVED;
        }
        return anyAccepted ? REJECTED : NOT_ACCEPTED;
    }

    @Test
    void theTimelineNoteSaysWhatTheChildrenCameTo() {
        Application a = child(APPROVED);
        Application b = child(APPROVED);
        Application r = child(REJECTED);
        Application n = child(NOT_ACCEPTED);
        Application open = child(ACCEPTED);
        assertEquals("一件事：部门已开始受理", BundleSteps.note(Transition.ACCEPT, List.of(a, open)));
        assertEquals("一件事全部办结：2 项均准予", BundleSteps.note(Transition.APPROVE, List.of(a, b)));
        assertEquals("一件事办结：1 项准予，2 项未准予：" + r.itemName + "（" + r.applicationNo + "）、" + n.itemName + "（"
                + n.applicationNo + "）", BundleSteps.note(Transition.REJECT, List.of(a, r, n)));
        assertEquals("一件事办结：0 项准予，1 项未准予：" + n.itemName + "（" + n.applicationNo + "）",
                BundleSteps.note(Transition.NOT_ACCEPT, List.of(n)));
        // an undecided child is neither approved nor named as not approved
        assertEquals("一件事办结：1 项准予，1 项未准予：" + r.itemName + "（" + r.applicationNo + "）",
                BundleSteps.note(Transition.REJECT, List.of(a, r, open)));
    }
}
