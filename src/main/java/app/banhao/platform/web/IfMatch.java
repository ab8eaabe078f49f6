package app.banhao.platform.web;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;

/**
 * Optimistic concurrency for staff changes (DESIGN.md §6): the caller names the version it read in
 * {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}); a change without it is 428, a stale one 412.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** Checks a change of an existing resource whose current version is {@code current}. */
    public static void requireCurrent(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.of(ErrorCode.PRECONDITION_REQUIRED);
        }
        if (!String.valueOf(current).equals(strip(ifMatch))) {
            throw ApiException.of(ErrorCode.PRECONDITION_FAILED);
        }
    }

    /**
     * Checks a change where {@code If-Match} is optional (a resident's own resources: the app may not send it):
     * without it the change applies to the current version; with a stale one it is 412.
     */
    public static void requireCurrentIfPresent(String ifMatch, long current) {
        if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch.trim())
                && !String.valueOf(current).equals(strip(ifMatch))) {
            throw ApiException.of(ErrorCode.PRECONDITION_FAILED);
        }
    }

    /** Creating: an If-Match names a version of something that does not exist, so it cannot hold (RFC 9110 §13.1.1). */
    public static void requireAbsent(String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            throw ApiException.of(ErrorCode.PRECONDITION_FAILED);
        }
    }

    /** The {@code ETag} value that names {@code version}. */
    public static String tag(long version) {
        return "\"" + version + "\"";
    }

    private static String strip(String header) {
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return tag;
    }
}
