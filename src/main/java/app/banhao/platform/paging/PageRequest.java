package app.banhao.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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

    /** A newest-first list's position: the time and the UUID id of the last item of the previous page. */
    public record TimeAndId(OffsetDateTime at, UUID id) {
    }

    /**
     * The cursor's position as {@code read} parses it. A cursor of the right envelope whose position this list cannot
     * read (another list's cursor, or one made by hand) is answered like any foreign cursor, not as a server error.
     */
    public <T> Optional<T> position(Function<Cursor, T> read) {
        try {
            return after.map(read);
        } catch (DateTimeException | IllegalArgumentException | IndexOutOfBoundsException notThisList) {
            throw invalidCursor();
        }
    }

    /** The position of a list ordered newest first by a time, then by UUID id. */
    public Optional<TimeAndId> timeAndId() {
        return position(c -> new TimeAndId(OffsetDateTime.parse(c.key()), UUID.fromString(c.id())));
    }

    /**
     * The keyset condition of this page of a list ordered newest first ({@code <timeField> desc, id desc}), to append
     * to an HQL where clause: {@code ""} for the first page, else {@code " and (…)"} with its values bound into
     * {@code parameters}. Written as a row comparison because PostgreSQL makes that the bound of an index scan on
     * {@code (time, id)}; the equivalent {@code t < :at or (t = :at and id < :id)} is a filter over every newer row.
     */
    public String newestFirstAfter(String timeField, Parameters parameters) {
        return timeAndId().map(position -> {
            parameters.and("afterAt", position.at()).and("afterId", position.id());
            return " and (" + timeField + ", id) < (:afterAt, :afterId)";
        }).orElse("");
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
        throw invalidCursor();
    }

    private static ApiException invalidCursor() {
        return ApiException.field(ErrorCode.INVALID_CURSOR, FieldError.of("cursor", FieldCode.INVALID_FORMAT));
    }
}
