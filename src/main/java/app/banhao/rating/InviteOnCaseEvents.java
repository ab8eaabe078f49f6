package app.banhao.rating;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.CaseEvent;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import io.smallrye.mutiny.Uni;

/**
 * Invites the applicant to rate an application once it is decided (办结 either way, 不予受理, closed for timeout) or
 * withdrawn after submission: 一事一评 over the case events. A draft withdrawn before submission served nobody and is not
 * rated; nor is a bundle's parent (its children are, each by its department).
 */
@ApplicationScoped
public class InviteOnCaseEvents implements EventConsumer {

    private static final Set<String> FINISHED = Set.of(CaseEvent.APPROVED, CaseEvent.REJECTED, CaseEvent.NOT_ACCEPTED,
            CaseEvent.CLOSED_TIMEOUT, CaseEvent.WITHDRAWN);
    /** The channel of an application filed through the app: 网上服务. */
    static final String ONLINE = "ONLINE";

    private final RatingInvitations invitations;

    public InviteOnCaseEvents(RatingInvitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public String name() {
        return "rating-invitations";
    }

    @Override
    public boolean accepts(String type) {
        return FINISHED.contains(type);
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        CaseEvent e = event.as(CaseEvent.class);
        if (e.departmentCode() == null || e.fromState() == ApplicationStatus.DRAFT) {
            return Uni.createFrom().voidItem();
        }
        return invitations.invite(new RatingInvitations.Finished(SubjectKind.APPLICATION, e.applicationNo(), e.residentId(),
                e.departmentCode(), e.itemCode(), e.itemName(), ONLINE, e.toState() == null ? null : e.toState().name(), e.at()));
    }
}
