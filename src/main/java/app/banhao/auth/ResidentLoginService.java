package app.banhao.auth;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ClientKind;
import app.banhao.api.model.TokenPair;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.ratelimit.RateLimiter.Limit;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.security.Passwords;
import app.banhao.platform.session.AuthSession;
import app.banhao.platform.session.SessionService;
import app.banhao.platform.web.CallerInfo;
import app.banhao.resident.ResidentLogins;
import app.banhao.resident.Residents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The three ways a resident logs in: SMS code, password, mini-program. Each ends in a new session. */
@ApplicationScoped
public class ResidentLoginService {

    private static final Limit FAILED_PER_ACCOUNT = new Limit("pwd-fail-account", 5, Duration.ofMinutes(15));
    private static final Limit FAILED_PER_IP = new Limit("pwd-fail-ip", 20, Duration.ofMinutes(15));

    private final OtpService otp;
    private final Passwords passwords;
    private final Residents accounts;
    private final ResidentLogins logins;
    private final MiniProgramProvider miniPrograms;
    private final SessionService sessions;
    private final RateLimiter limiter;
    private final DataProtection crypto;
    private final AuditTrail audit;
    private final CallerInfo caller;

    public ResidentLoginService(OtpService otp, Passwords passwords, Residents accounts, ResidentLogins logins,
            MiniProgramProvider miniPrograms, SessionService sessions,
            RateLimiter limiter, DataProtection crypto, AuditTrail audit, CallerInfo caller) {
        this.otp = otp;
        this.passwords = passwords;
        this.accounts = accounts;
        this.logins = logins;
        this.miniPrograms = miniPrograms;
        this.sessions = sessions;
        this.limiter = limiter;
        this.crypto = crypto;
        this.audit = audit;
        this.caller = caller;
    }

    public Uni<TokenPair> withOtp(String phone, String code, ClientKind client) {
        return otp.verify(phone, code)
                .onFailure().call(e -> failed("otp", phone, e))
                .chain(() -> openFor(phone, client(client), "otp"));
    }

    /**
     * Every attempt takes a hit on the client's and the account's failure limits before the password is
     * compared, so a parallel burst gets no more guesses than the limits allow; an attempt that turns out not
     * to be a failed guess gives its hits back (refused by the account limit before any work, or the right
     * password, which also clears the account's failures). Redis down → 503: the limits fail closed.
     */
    public Uni<TokenPair> withPassword(String phone, String password, ClientKind client) {
        String account = crypto.blindIndexText("phone", phone);
        String ip = caller.ip();
        return limiter.hit(FAILED_PER_IP, ip)
                .chain(() -> limiter.hit(FAILED_PER_ACCOUNT, account)
                        .onFailure().call(() -> limiter.refund(FAILED_PER_IP, ip).onFailure().recoverWithNull()))
                .chain(() -> findHash(phone))
                .chain(hash -> passwords.matches(password, hash))
                .chain(ok -> {
                    if (!ok) {
                        return failed("password", phone, ApiException.of(ErrorCode.CREDENTIALS_INVALID))
                                .chain(() -> Uni.createFrom().failure(ApiException.of(ErrorCode.CREDENTIALS_INVALID)));
                    }
                    return limiter.reset(FAILED_PER_ACCOUNT, account)
                            .chain(() -> limiter.refund(FAILED_PER_IP, ip))
                            .onFailure().recoverWithNull()
                            .chain(() -> openFor(phone, client(client), "password"));
                });
    }

    public Uni<TokenPair> withMiniProgram(String platform, String loginCode, String phoneCode) {
        return miniPrograms.exchange(platform, loginCode, phoneCode)
                .chain(account -> linkAndOpen(platform, account));
    }

    @WithTransaction
    Uni<String> findHash(String phone) {
        return accounts.passwordHash(phone);
    }

    /** The resident, opened on a first login, with the session and the audit line: one statement, no transaction. */
    Uni<TokenPair> openFor(String phone, AuthSession.Client client, String method) {
        return logins.open(phone, client, AuditEvent.of("auth.login").details(Map.of("method", method, "client", client.name())));
    }

    /**
     * A known channel account logs its resident in. A new one is linked by the phone the platform verified
     * — never by openid alone — so WeChat, Alipay and the app meet in one resident.
     */
    @WithTransaction
    Uni<TokenPair> linkAndOpen(String platform, MiniProgramProvider.ChannelAccount account) {
        return accounts.openByChannel(platform, account.openId(), account.verifiedPhone()).chain(grant -> sessions.open(grant)
                .call(() -> audit.record(AuditEvent.of("auth.login").actor("resident", grant.subjectId().toString())
                        .details(Map.of("method", "mini-program", "platform", platform)))));
    }

    private Uni<Void> failed(String method, String phone, Throwable why) {
        String code = why instanceof ApiException api ? api.code().name() : why.getClass().getSimpleName();
        return audit.recordAlone(AuditEvent.of("auth.login").outcome(AuditEvent.FAILURE)
                .target("phone", crypto.blindIndexText("phone", phone))
                .details(Map.of("method", method, "reason", code)))
                .onFailure().recoverWithNull();
    }

    private static AuthSession.Client client(ClientKind kind) {
        return kind == ClientKind.MINI_PROGRAM ? AuthSession.Client.MINI_PROGRAM : AuthSession.Client.APP;
    }
}
