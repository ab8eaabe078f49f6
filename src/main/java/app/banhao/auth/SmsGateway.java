package app.banhao.auth;

import io.smallrye.mutiny.Uni;

/**
 * Where login codes leave for the resident's phone: the province's SMS platform in production. The
 * built-in {@link LogSmsGateway} writes them to the log instead, for a machine without one.
 */
public interface SmsGateway {

    Uni<Void> sendLoginCode(String phone, String code);

    /** Whether the code may be shown to the caller too (only the local gateway, never in production). */
    boolean revealsCode();
}
