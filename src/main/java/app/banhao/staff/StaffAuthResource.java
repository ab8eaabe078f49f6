package app.banhao.staff;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.StaffAuthApi;
import app.banhao.api.model.StaffLoginRequest;
import app.banhao.api.model.StaffUserCreate;
import app.banhao.api.model.StaffUserCreated;
import app.banhao.api.model.StaffUserView;
import app.banhao.api.model.TokenPair;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

public class StaffAuthResource implements StaffAuthApi {

    private final StaffAuthService service;
    private final CurrentActor actor;

    public StaffAuthResource(StaffAuthService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @Override
    public Uni<TokenPair> staffLogin(StaffLoginRequest request) {
        return service.login(request.getUsername(), request.getPassword(), request.getTotp());
    }

    @Override
    @SuccessStatus(201)
    @RolesAllowed(TokenClaims.ADMIN)
    public Uni<StaffUserCreated> createStaffUser(StaffUserCreate request, String idempotencyKey) {
        return service.create(actor.id(), request, idempotencyKey);
    }

    @Override
    @RolesAllowed(TokenClaims.ADMIN)
    public Uni<StaffUserView> deactivateStaffUser(UUID userId) {
        return service.setActive(userId, false).map(StaffMapper::toApi);
    }

    @Override
    @RolesAllowed(TokenClaims.ADMIN)
    public Uni<StaffUserView> reactivateStaffUser(UUID userId) {
        return service.setActive(userId, true).map(StaffMapper::toApi);
    }

    @Override
    @RolesAllowed(TokenClaims.ADMIN)
    public Uni<Void> endStaffUserSessions(UUID userId) {
        return service.endSessions(userId);
    }

    @Override
    @RolesAllowed({ TokenClaims.AGENT, TokenClaims.REVIEWER, TokenClaims.ADMIN })
    public Uni<StaffUserView> getStaffMe() {
        return service.get(actor.uuid())
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.UNAUTHORIZED))
                .map(StaffMapper::toApi);
    }
}
