package app.banhao.catalog;

import java.util.Locale;

/**
 * A resident's query, in the forms the search compares: lowercased as typed, without spaces (aliases are
 * single tokens), as pinyin when it was typed in letters, and as the pinyin of its Chinese characters for
 * the homophone tier. All are LIKE-escaped ({@link ServiceItemRepository#escapeLike}).
 *
 * @param lower     the query lowercased, trimmed
 * @param compact   the query lowercased without whitespace
 * @param pinyin    the query as pinyin when typed in ASCII letters (yyzz, she bao), else null
 * @param homophone the pinyin of a Chinese query's characters (one reading each), else null
 */
public record SearchText(String lower, String compact, String pinyin, String homophone) {

    /** Shorter pinyin than this is compared as a whole token or token prefix only: "zh" is inside half the catalogue. */
    static final int MIN_PINYIN_SUBSTRING = 3;
    /** Shorter homophone spellings are compared as whole alias tokens only (社宝 → shebao is 4 letters). */
    static final int MIN_HOMOPHONE_SUBSTRING = 7;

    public static SearchText of(String query) {
        String lower = query.trim().toLowerCase(Locale.ROOT);
        String compact = lower.replaceAll("\\s+", "");
        String pinyin = PinyinKeys.looksLikePinyin(compact) ? PinyinKeys.normalise(lower) : null;
        String homophone = null;
        if (pinyin == null && compact.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            String reading = PinyinKeys.firstReading(compact);
            homophone = reading.isEmpty() ? null : reading;
        }
        return new SearchText(esc(lower), esc(compact), esc(pinyin), esc(homophone));
    }

    /** The LIKE pattern for "pinyin anywhere", or one that only matches a token prefix for short pinyin. */
    String pinyinContains() {
        return pinyin.length() >= MIN_PINYIN_SUBSTRING ? "%" + pinyin + "%" : "% " + pinyin + "%";
    }

    String homophoneContains() {
        return homophone.length() >= MIN_HOMOPHONE_SUBSTRING ? "%" + homophone + "%" : "% " + homophone + " %";
    }

    private static String esc(String text) {
        return text == null ? null : ServiceItemRepository.escapeLike(text);
    }
}
