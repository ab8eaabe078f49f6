package app.banhao.rating;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.events.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Opens a thing to its resident's rating (一事一评), inside the caller's transaction: once per thing and resident (a
 * redelivered event finds its invitation and does nothing), with the window {@link RatingSettings#window()} from when it
 * finished, and an inbox message ({@code RATING_INVITED}). Whatever finishes (an application now; a video session or a
 * parcel later) comes through here with its {@link SubjectKind}.
 */
@ApplicationScoped
public class RatingInvitations {

    /** A finished thing, as the feature that finished it describes it. */
    public record Finished(SubjectKind kind, String subjectId, UUID residentId, String departmentCode, String itemCode,
            String itemName, String channel, String finalState, OffsetDateTime at) {
    }

    private final RatingInvitationRepository invitations;
    private final RatingSettings settings;
    private final Outbox outbox;
    private final AuditTrail audit;

    public RatingInvitations(RatingInvitationRepository invitations, RatingSettings settings, Outbox outbox, AuditTrail audit) {
        this.invitations = invitations;
        this.settings = settings;
        this.outbox = outbox;
        this.audit = audit;
    }

    public Uni<Void> invite(Finished f) {
        return invitations.forResident(f.kind(), f.subjectId(), f.residentId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            RatingInvitation i = new RatingInvitation();
            i.id = UUID.randomUUID();
            i.subjectKind = f.kind();
            i.subjectId = f.subjectId();
            i.residentId = f.residentId();
            i.departmentCode = f.departmentCode();
            i.itemCode = f.itemCode();
            i.itemName = f.itemName();
            i.channel = f.channel();
            i.subjectState = f.finalState();
            i.finishedAt = f.at();
            i.rateBy = f.at().plus(settings.window());
            RatingEvent invited = new RatingEvent(RatingEvent.INVITED, null, i.subjectKind, i.subjectId, i.residentId,
                    i.departmentCode, i.itemCode, i.itemName, i.subjectState, i.channel, null, null, false, "RATING_INVITED",
                    null, "SYSTEM", "系统", null, f.at());
            return invitations.persist(i)
                    .call(() -> outbox.publish(invited))
                    .call(() -> audit.record(AuditEvent.of("rating.invite").actor("system", null)
                            .target(i.subjectKind.name(), i.subjectId)))
                    .replaceWithVoid();
        });
    }
}
