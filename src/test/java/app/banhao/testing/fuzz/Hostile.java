package app.banhao.testing.fuzz;

import java.util.List;
import java.util.SplittableRandom;

import app.banhao.platform.paging.PageRequest;

/** The values that break naive code: the fuzzer's vocabulary of trouble, chosen by a seeded random. */
final class Hostile {

    /** Strings for any position: parameters, enum fields, dates, identifiers. */
    static final List<String> STRINGS = List.of(
            "", " ", "\t", "null", "undefined", "-1", "0", "-0", "1.5", "1e309", "-1e309", "NaN", "Infinity",
            "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999",
            "0x1F", "true", "yes", "abc", "2026-13-45", "2026-02-30", "0000-00-00", "yesterday",
            "2026-11-22T25:61:00Z", "2026-11-22T03:00:00", "+999999999-12-31", "UNKNOWN_ENUM_VALUE", "app",
            "' OR '1'='1", "\"; DROP TABLE system_boot; --", "../../etc/passwd", "%00", "%zz", "${jndi:ldap://x}",
            "<script>alert(1)</script>", "{\"a\":1}", "[1,2]", "办好 😀 ﷽ Z̤͔ͧ̑̓ä͖̭̈̇", "\u202Eevil\u202C", "\uFEFFbom",
            "\u0000x", "a\u0000b", "\uD83D", "\r\nX-Injected: 1", "٣٤٥", "ｆｕｌｌｗｉｄｔｈ");

    /** Whole request bodies that are not the JSON they claim to be, or JSON of the wrong shape. */
    static final List<String> BODIES = List.of(
            "", " ", "{", "}", "{\"a\":", "[", "null", "true", "0", "-1", "\"text\"", "[]", "[{}]", "{}",
            "{\"a\":1,\"a\":2}", "{'single':'quotes'}", "{\"a\":NaN}", "{\"a\":1e999999}", "{\"a\":01}",
            "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}", "\u0000\u0001\u0002", "<xml/>", "a=1&b=2",
            "{\"a\":1}garbage", "\uFEFF{}");

    /** Media types for Content-Type and Accept. */
    static final List<String> MEDIA_TYPES = List.of(
            "application/json", "application/json; charset=utf-8", "application/json; charset=latin1",
            "application/problem+json", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "*/*", "application/*", "text/*", "x/y", "garbage", ";;;", "",
            "application/json;q=0", "application/json, text/html;q=0.1");

    static final List<String> LANGUAGES = List.of("en", "zh-CN", "en-US,en;q=0.9", "fr", "*", "", "xx-YY-ZZ",
            ";q=abc", "en;q=2", "zh;q=0.5,en;q=0.6");

    /** Cursor positions of the wrong shape for most lists: another list's key, a broken time or number, a short id. */
    private static final List<String> CURSOR_KEYS = List.of("公共场所|ITEM-1", "ranked", "12|2026-11-22T03:00:00Z", "12|",
            "2026-11-22", "2026-11-22T03:00:00Z", "2026-11-22T25:61:00Z", "abc", "", "9223372036854775808", "-1");
    private static final List<String> CURSOR_IDS = List.of("42", "ITEM-1", "not-a-uuid", "00000000-0000-0000-0000-000000000001",
            "x", "RESIDENT_ID_CARD");

    private Hostile() {
    }

    /** A cursor in the envelope the API itself makes, around a position that belongs to another list or to none. */
    static String foreignCursor(SplittableRandom random) {
        return PageRequest.encode(new PageRequest.Cursor(pick(random, CURSOR_KEYS), pick(random, CURSOR_IDS)));
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A long string: near and past the limits that fields, lines and bodies have. */
    static String huge(SplittableRandom random) {
        int length = pick(random, List.of(256, 1_000, 10_000, 100_000));
        String unit = pick(random, List.of("x", "办", "😀", "9"));
        return unit.repeat(length / unit.length());
    }

    /** JSON nested deeper than any parser should follow. */
    static String deepNesting(SplittableRandom random) {
        int depth = pick(random, List.of(200, 1_500, 5_000));
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** A printable-ASCII string, for headers (the HTTP client refuses control characters there). */
    static String headerValue(SplittableRandom random) {
        int length = random.nextInt(1, 120);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) random.nextInt(0x20, 0x7F));
        }
        return s.toString().trim();
    }
}
