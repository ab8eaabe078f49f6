package app.banhao.application.core;

import java.util.ArrayList;
import java.util.List;

/**
 * How a bundle's parent (一件事) follows its children, on the edges of the state machine: it is ACCEPTED once any
 * child is accepted; once every child is decided it is APPROVED when all were approved, otherwise REJECTED (some
 * child was accepted) or NOT_ACCEPTED (none was). A parent not SUBMITTED or ACCEPTED (a draft, withdrawn, decided)
 * does not move.
 */
public final class BundleSteps {

    /** Who moves a bundle's parent as its children progress. */
    public static final Workflow.Actor SYSTEM = new Workflow.Actor("SYSTEM", "bundle-progress", "一件事联办系统");

    private BundleSteps() {
    }

    /** The transitions the parent in {@code parent} needs now, in order (none, one or two). */
    public static List<Transition> steps(ApplicationStatus parent, List<Application> children) {
        List<Transition> steps = new ArrayList<>();
        if (children.isEmpty() || parent != ApplicationStatus.SUBMITTED && parent != ApplicationStatus.ACCEPTED) {
            return steps;
        }
        ApplicationStatus state = parent;
        if (state == ApplicationStatus.SUBMITTED && children.stream().anyMatch(c -> c.acceptedAt != null)) {
            steps.add(Transition.ACCEPT);
            state = ApplicationStatus.ACCEPTED;
        }
        if (children.stream().allMatch(c -> c.state.isFinal())) {
            if (children.stream().allMatch(c -> c.state == ApplicationStatus.APPROVED)) {
                steps.add(Transition.APPROVE);
            } else {
                steps.add(state == ApplicationStatus.ACCEPTED ? Transition.REJECT : Transition.NOT_ACCEPT);
            }
        }
        return steps;
    }

    /** The timeline note of the parent's step {@code t}. */
    public static String note(Transition t, List<Application> children) {
        long approved = children.stream().filter(c -> c.state == ApplicationStatus.APPROVED).count();
        List<String> others = children.stream().filter(c -> c.state.isFinal() && c.state != ApplicationStatus.APPROVED)
                .map(c -> c.itemName + "（" + c.applicationNo + "）").toList();
        return switch (t) {
            case ACCEPT -> "一件事：部门已开始受理";
            case APPROVE -> "一件事全部办结：" + approved + " 项均准予";
            default -> "一件事办结：" + approved + " 项准予，" + others.size() + " 项未准予：" + String.join("、", others);
        };
    }
}
