package app.banhao.auth;

import java.security.SecureRandom;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.OtpSent;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.DependencyFailures;
import app.banhao.platform.privacy.Masks;
import app.banhao.platform.ratelimit.RateLimiter.Limit;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.web.CallerInfo;
import app.banhao.platform.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * SMS one-time codes (DESIGN.md §7): 6 digits from SecureRandom, only a keyed hash kept in Redis for
 * 5 minutes, single use, burned after 5 wrong tries; sending limited per phone and per client IP, every
 * send counted before the SMS goes out. Verifying is capped per phone per day as NIST SP 800-63B §5.2.2
 * asks ({@link #FAILED_PER_PHONE_DAY} failed verifications, then 429 until the window ends), and every
 * failure answers the same {@code OTP_INVALID}, so no answer tells whether a code is active.
 */
@ApplicationScoped
public class OtpService {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_TRIES = 5;

    static final Limit FAILED_PER_PHONE_DAY = new Limit("otp-fail-phone-day", 20, Duration.ofDays(1));

    /** Code and expiry in one script: a code never lives without its expiry (HSET then PEXPIRE could). */
    private static final RedisScript STORE = new RedisScript("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'h', ARGV[1], 't', 0)
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """);

    /** Atomically: compare, burn on success or on the fifth miss. */
    private static final RedisScript VERIFY = new RedisScript("""
            local h = redis.call('HGET', KEYS[1], 'h')
            if not h then return 'EXPIRED' end
            if h == ARGV[1] then redis.call('DEL', KEYS[1]); return 'OK' end
            local t = redis.call('HINCRBY', KEYS[1], 't', 1)
            if t >= tonumber(ARGV[2]) then redis.call('DEL', KEYS[1]); return 'BURNED' end
            return 'WRONG'
            """);

    private final ReactiveRedisDataSource redis;
    private final RateLimiter limiter;
    private final DataProtection crypto;
    private final SmsGateway sms;
    private final AuditTrail audit;
    private final CallerInfo caller;
    private final Limit perPhoneMinute;
    private final Limit perPhoneDay;
    private final Limit perIp;
    private final SecureRandom random = new SecureRandom();

    public OtpService(ReactiveRedisDataSource redis, RateLimiter limiter, DataProtection crypto, SmsGateway sms,
            AuditTrail audit, CallerInfo caller,
            @ConfigProperty(name = "banhao.otp.per-ip-per-hour", defaultValue = "30") int perIpPerHour) {
        this.redis = redis;
        this.limiter = limiter;
        this.crypto = crypto;
        this.sms = sms;
        this.audit = audit;
        this.caller = caller;
        this.perPhoneMinute = new Limit("otp-phone-minute", 1, Duration.ofMinutes(1));
        this.perPhoneDay = new Limit("otp-phone-day", 10, Duration.ofDays(1));
        this.perIp = new Limit("otp-ip-hour", perIpPerHour, Duration.ofHours(1));
    }

    public Uni<OtpSent> send(String phone) {
        String phoneKey = crypto.blindIndexText("phone", phone);
        String code = String.format("%06d", random.nextInt(1_000_000));
        return limiter.hit(perIp, caller.ip())
                .chain(() -> limiter.hit(perPhoneMinute, phoneKey))
                .chain(() -> limiter.hit(perPhoneDay, phoneKey))
                .chain(() -> STORE.run(redis, 1, key(phoneKey), codeHash(phone, code),
                        Long.toString(VALIDITY.toMillis())))
                .chain(() -> sms.sendLoginCode(phone, code)
                        .onFailure(e -> !DependencyFailures.isDependencyDown(e))
                        .transform(e -> ApiException.retryAfter(AuthErrors.SMS_UNAVAILABLE, 30)))
                .call(() -> audit.recordAlone(AuditEvent.of("auth.otp.send").target("phone", phoneKey)))
                .map(sent -> new OtpSent()
                        .phone(Masks.phone(phone))
                        .expiresInSeconds((int) VALIDITY.toSeconds())
                        .resendAfterSeconds((int) perPhoneMinute.window().toSeconds())
                        .devCode(sms.revealsCode() ? code : null));
    }

    /**
     * Succeeds once for the right code. Every attempt takes a hit on the phone's daily failure cap first (a
     * success gives it back); every failure, wrong, expired, used or burned, is the same {@code OTP_INVALID}.
     */
    public Uni<Void> verify(String phone, String code) {
        String phoneKey = crypto.blindIndexText("phone", phone);
        return limiter.hit(FAILED_PER_PHONE_DAY, phoneKey)
                .chain(() -> VERIFY.run(redis, 1, key(phoneKey), codeHash(phone, code), Integer.toString(MAX_TRIES)))
                .chain(reply -> {
                    if (!"OK".equals(reply.toString())) {
                        return Uni.createFrom().failure(ApiException.of(AuthErrors.OTP_INVALID));
                    }
                    return limiter.refund(FAILED_PER_PHONE_DAY, phoneKey).onFailure().recoverWithNull();
                });
    }

    private String codeHash(String phone, String code) {
        return crypto.blindIndexText("otp", phone + ":" + code);
    }

    private static String key(String phoneKey) {
        return "banhao:otp:" + phoneKey;
    }
}
