package app.banhao.auth;

import io.smallrye.mutiny.Uni;

/**
 * Where login codes leave for the resident's phone: Aliyun SMS ({@link AliyunSmsGateway}) on a real
 * deployment; in local mode the {@link LogSmsGateway} writes them to the log instead. {@link SmsGateways}
 * chooses.
 */
public interface SmsGateway {

    /** Sends the code; fails with {@code SMS_UNAVAILABLE} when the platform refused it or could not be reached. */
    Uni<Void> sendLoginCode(String phone, String code);

    /** Whether the code may be shown to the caller too (only the local-mode gateway). */
    boolean revealsCode();
}
