package app.banhao.platform.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;

/** The request id: the caller's when it is well-formed, otherwise one made here. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** The caller's id if acceptable (letters, digits, {@code . _ -}, at most 64), else a new one. */
    public static String accept(String callerId) {
        if (callerId != null && ACCEPTED.matcher(callerId).matches()) {
            return callerId;
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The id of the current request, as the request filter left it on the headers. */
    public static String of(HttpHeaders headers) {
        String id = headers == null ? null : headers.getHeaderString(HEADER);
        return id == null ? "-" : id;
    }
}
