package app.banhao.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.http.Outbound;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * WeChat mini-program login: {@code jscode2session} turns the {@code wx.login} code into the openid; the
 * phone-number code of the {@code getPhoneNumber} button goes to {@code getuserphonenumber}, which needs
 * the app's access token. The token comes from {@code stable_token}, which hands every node the same
 * token instead of invalidating the others' (as {@code cgi-bin/token} would), and is kept until shortly
 * before it expires.
 */
final class WechatMiniProgram implements MiniProgramProvider {

    static final String APP_ID = MiniProgramConfig.PREFIX + "wechat.app-id";
    static final String APP_SECRET = MiniProgramConfig.PREFIX + "wechat.app-secret";

    /** Invalid code, code already used, user blocked as high-risk: the caller's code, not our problem. */
    private static final Set<Integer> CODE_REFUSED = Set.of(40029, 40163, 40226);
    /** The access token is invalid or expired (e.g. another client forced a refresh): fetch again, once. */
    private static final Set<Integer> TOKEN_STALE = Set.of(40001, 42001);
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    record Settings(String appId, String appSecret, String baseUrl, Duration timeout) {
    }

    private record AccessToken(String value, Instant refreshAt) {
    }

    private final Settings settings;
    private final WebClient http;
    private final Clock clock;
    private volatile AccessToken token;

    WechatMiniProgram(Settings settings, WebClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Uni<ChannelAccount> exchange(String platform, String loginCode, String phoneCode) {
        return openId(loginCode).chain(openId -> phoneCode == null
                ? Uni.createFrom().item(new ChannelAccount(openId, null))
                : phone(phoneCode, true).map(phone -> new ChannelAccount(openId, phone)))
                .onFailure(e -> !(e instanceof ApiException)).transform(WechatMiniProgram::unavailable);
    }

    private Uni<String> openId(String loginCode) {
        var request = http.getAbs(settings.baseUrl() + "/sns/jscode2session")
                .addQueryParam("appid", settings.appId()).addQueryParam("secret", settings.appSecret())
                .addQueryParam("js_code", loginCode).addQueryParam("grant_type", "authorization_code");
        return Outbound.json(request, settings.timeout(), r -> r.send(), "WeChat jscode2session").map(body -> {
            int errcode = body.getInteger("errcode", 0);
            String openId = body.getString("openid");
            if (errcode == 0 && openId != null && !openId.isBlank()) {
                return openId;
            }
            if (CODE_REFUSED.contains(errcode)) {
                throw ApiException.field(AuthErrors.MINI_PROGRAM_CODE_INVALID, FieldError.of("loginCode", FieldCode.NOT_ALLOWED));
            }
            throw platformError("jscode2session", body);
        });
    }

    private Uni<String> phone(String phoneCode, boolean mayRefreshToken) {
        return accessToken(!mayRefreshToken).chain(accessToken -> {
            var request = http.postAbs(settings.baseUrl() + "/wxa/business/getuserphonenumber")
                    .addQueryParam("access_token", accessToken);
            return Outbound.json(request, settings.timeout(), r -> r.sendJsonObject(new JsonObject().put("code", phoneCode)),
                    "WeChat getuserphonenumber");
        }).chain(body -> {
            int errcode = body.getInteger("errcode", 0);
            JsonObject info = body.getJsonObject("phone_info");
            if (errcode == 0 && info != null && info.getString("purePhoneNumber") != null) {
                return Uni.createFrom().item(info.getString("purePhoneNumber"));
            }
            if (TOKEN_STALE.contains(errcode) && mayRefreshToken) {
                token = null;
                return phone(phoneCode, false);
            }
            if (CODE_REFUSED.contains(errcode)) {
                return Uni.createFrom().failure(
                        ApiException.field(AuthErrors.MINI_PROGRAM_CODE_INVALID, FieldError.of("phoneCode", FieldCode.NOT_ALLOWED)));
            }
            return Uni.createFrom().failure(platformError("getuserphonenumber", body));
        });
    }

    /** @param forceRefresh after WeChat said the token is stale: ask for a new one, not the same again */
    private Uni<String> accessToken(boolean forceRefresh) {
        AccessToken current = token;
        if (!forceRefresh && current != null && clock.instant().isBefore(current.refreshAt())) {
            return Uni.createFrom().item(current.value());
        }
        var request = http.postAbs(settings.baseUrl() + "/cgi-bin/stable_token");
        JsonObject body = new JsonObject().put("grant_type", "client_credential").put("appid", settings.appId())
                .put("secret", settings.appSecret()).put("force_refresh", forceRefresh);
        return Outbound.json(request, settings.timeout(), r -> r.sendJsonObject(body), "WeChat stable_token").map(answer -> {
            String value = answer.getString("access_token");
            if (answer.getInteger("errcode", 0) != 0 || value == null) {
                throw platformError("stable_token", answer);
            }
            Duration lifetime = Duration.ofSeconds(answer.getLong("expires_in", 0L));
            Duration margin = lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0 ? REFRESH_MARGIN : lifetime.dividedBy(2);
            token = new AccessToken(value, clock.instant().plus(lifetime).minus(margin));
            return value;
        });
    }

    private static Outbound.Failure platformError(String call, JsonObject body) {
        return new Outbound.Failure("WeChat " + call + ": errcode " + body.getValue("errcode") + " " + body.getValue("errmsg"), null);
    }

    private static ApiException unavailable(Throwable why) {
        Log.warnf("WeChat mini-program login failed: %s", why.getMessage());
        return ApiException.retryAfter(AuthErrors.MINI_PROGRAM_UNAVAILABLE, 30);
    }
}
