package app.banhao.resident;

import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.MeApi;
import app.banhao.api.model.Address;
import app.banhao.api.model.AddressCreate;
import app.banhao.api.model.AddressList;
import app.banhao.api.model.PasswordChange;
import app.banhao.api.model.Profile;
import app.banhao.api.model.ProfileUpdate;
import app.banhao.api.model.RealNameRequest;
import app.banhao.api.model.Session;
import app.banhao.api.model.SessionList;
import app.banhao.platform.privacy.Masks;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.session.AuthSession;
import app.banhao.platform.session.SessionService;
import app.banhao.platform.web.SuccessStatus;
import app.banhao.platform.web.VersionTag;
import io.smallrye.mutiny.Uni;

/** Everything under /me acts on the caller's own resident record only; ids in paths are checked against it. */
@RolesAllowed(TokenClaims.RESIDENT)
public class MeResource implements MeApi {

    private final ResidentProfileService profiles;
    private final AddressService addresses;
    private final SessionService sessions;
    private final CurrentActor actor;

    public MeResource(ResidentProfileService profiles, AddressService addresses, SessionService sessions, CurrentActor actor) {
        this.profiles = profiles;
        this.addresses = addresses;
        this.sessions = sessions;
        this.actor = actor;
    }

    @Override
    @VersionTag
    public Uni<Profile> getMe() {
        return profiles.profile(me());
    }

    @Override
    @VersionTag
    public Uni<Profile> updateMe(ProfileUpdate update, String ifMatch) {
        return profiles.update(me(), update, ifMatch);
    }

    @Override
    public Uni<Void> setMyPassword(PasswordChange change) {
        return profiles.setPassword(me(), currentSession(), change);
    }

    @Override
    public Uni<Profile> verifyRealName(RealNameRequest request) {
        return profiles.verifyRealName(me(), request);
    }

    @Override
    public Uni<AddressList> listMyAddresses() {
        return addresses.list(me()).map(items -> new AddressList().items(items));
    }

    @Override
    @SuccessStatus(201)
    public Uni<Address> addMyAddress(AddressCreate request, String idempotencyKey) {
        return addresses.add(me(), request, idempotencyKey);
    }

    @Override
    public Uni<Void> deleteMyAddress(UUID addressId) {
        return addresses.delete(me(), addressId);
    }

    @Override
    public Uni<SessionList> listMySessions() {
        UUID current = currentSession();
        return sessions.activeOf(AuthSession.SubjectType.RESIDENT, me()).map(list -> new SessionList().items(list.stream()
                .map(s -> new Session()
                        .id(s.id)
                        .client(Session.ClientEnum.fromValue(s.client.name()))
                        .createdAt(s.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                        .lastUsedAt(s.lastUsedAt.withOffsetSameInstant(ZoneOffset.UTC))
                        .ipAddress(Masks.ip(s.ipAddress))
                        .current(s.id.equals(current)))
                .toList()));
    }

    @Override
    public Uni<Void> endAllMySessions() {
        return sessions.revokeAll(AuthSession.SubjectType.RESIDENT, me(), null, "logout-everywhere");
    }

    @Override
    public Uni<Void> endMySession(UUID sessionId) {
        return sessions.revokeOwned(sessionId, AuthSession.SubjectType.RESIDENT, me(), "ended-by-resident");
    }

    private UUID me() {
        return actor.uuid();
    }

    private UUID currentSession() {
        return actor.sessionId().map(UUID::fromString).orElse(null);
    }
}
