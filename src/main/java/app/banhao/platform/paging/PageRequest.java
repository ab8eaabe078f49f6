package app.banhao.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import io.quarkus.panache.common.Parameters;

/**
 * A validated {@code ?cursor=&limit=} pair (DESIGN.md §6). The cursor is opaque to callers: the sort
 * key and id of the last item of the previous page, so a page is a keyset query
 * ({@code WHERE (key, id) > (:key, :id) ORDER BY key, id LIMIT :limit + 1}), stable under inserts.
 */
public record PageRequest(Optional<Cursor> after, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\u001f';

    /** The position after which the next page starts. */
    public record Cursor(String key, String id) {
    }

    public static PageRequest of(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.field(ErrorCode.INVALID_PARAMETER,
                    FieldError.of("limit", size < 1 ? FieldCode.TOO_SMALL : FieldCode.TOO_LARGE));
        }
        return new PageRequest(cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(decode(cursor)), size);
    }

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * The keyset condition of this page of a list ordered newest first ({@code <timeField> desc, id desc}, the cursor
     * holding the time and the UUID id), to append to an HQL where clause: {@code ""} for the first page, else
     * {@code " and (…)"} with its values bound into {@code parameters}.
     */
    public String newestFirstAfter(String timeField, Parameters parameters) {
        if (after.isEmpty()) {
            return "";
        }
        parameters.and("afterAt", OffsetDateTime.parse(after.get().key())).and("afterId", UUID.fromString(after.get().id()));
        return " and (" + timeField + " < :afterAt or (" + timeField + " = :afterAt and id < :afterId))";
    }

    public static String encode(Cursor cursor) {
        String raw = VERSION + SEPARATOR + cursor.key() + SEPARATOR + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
            if (parts.length == 3 && VERSION.equals(parts[0]) && !parts[2].isEmpty()) {
                return new Cursor(parts[1], parts[2]);
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the same answer as any other foreign token
        }
        throw ApiException.field(ErrorCode.INVALID_CURSOR, FieldError.of("cursor", FieldCode.INVALID_FORMAT));
    }
}
