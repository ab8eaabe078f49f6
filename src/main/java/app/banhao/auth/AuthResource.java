package app.banhao.auth;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.AuthApi;
import app.banhao.api.model.JsonWebKeySet;
import app.banhao.api.model.MiniProgramLoginRequest;
import app.banhao.api.model.OtpLoginRequest;
import app.banhao.api.model.OtpRequest;
import app.banhao.api.model.OtpSent;
import app.banhao.api.model.PasswordLoginRequest;
import app.banhao.api.model.RefreshRequest;
import app.banhao.api.model.TokenPair;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.session.AccessTokens;
import app.banhao.platform.session.AuthSession;
import app.banhao.platform.session.Grants;
import app.banhao.platform.session.SessionService;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

public class AuthResource implements AuthApi {

    private final OtpService otp;
    private final ResidentLoginService logins;
    private final SessionService sessions;
    private final Grants grants;
    private final CurrentActor actor;
    private final JsonWebKeySet keySet;

    public AuthResource(OtpService otp, ResidentLoginService logins, SessionService sessions, Grants grants,
            CurrentActor actor, AccessTokens tokens, ObjectMapper json) throws JsonProcessingException {
        this.otp = otp;
        this.logins = logins;
        this.sessions = sessions;
        this.grants = grants;
        this.actor = actor;
        this.keySet = json.readValue(tokens.keySetJson(), JsonWebKeySet.class);
    }

    @Override
    @SuccessStatus(202)
    public Uni<OtpSent> sendOtp(OtpRequest request) {
        return otp.send(request.getPhone());
    }

    @Override
    public Uni<TokenPair> loginWithOtp(OtpLoginRequest request) {
        return logins.withOtp(request.getPhone(), request.getCode(), request.getClient());
    }

    @Override
    public Uni<TokenPair> loginWithPassword(PasswordLoginRequest request) {
        return logins.withPassword(request.getPhone(), request.getPassword(), request.getClient());
    }

    @Override
    public Uni<TokenPair> loginWithMiniProgram(MiniProgramLoginRequest request) {
        return logins.withMiniProgram(request.getPlatform().name(), request.getLoginCode(), request.getPhoneCode());
    }

    @Override
    public Uni<TokenPair> refreshTokens(RefreshRequest request) {
        return sessions.refresh(request.getRefreshToken(), grants::of);
    }

    @Override
    @RolesAllowed({ TokenClaims.RESIDENT, TokenClaims.AGENT, TokenClaims.REVIEWER, TokenClaims.ADMIN })
    public Uni<Void> logout() {
        UUID session = UUID.fromString(actor.sessionId().orElseThrow());
        AuthSession.SubjectType type = actor.isStaff() ? AuthSession.SubjectType.STAFF : AuthSession.SubjectType.RESIDENT;
        return sessions.revokeOwned(session, type, actor.uuid(), "logout");
    }

    @Override
    public Uni<JsonWebKeySet> getJwks() {
        return Uni.createFrom().item(keySet);
    }
}
