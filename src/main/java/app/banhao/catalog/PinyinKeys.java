package app.banhao.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The pinyin forms residents type for a Chinese text (pinyin4j): the full spelling without tones or
 * separators ({@code yingyezhizhao}) and the initials ({@code yyzz}; zh/ch/sh count as z/c/s, as phone
 * keyboards and residents do). A polyphonic character (行 xing/hang, 重 zhong/chong) gives several readings:
 * up to {@link #MAX_READINGS} combinations are kept, the dictionary's first reading first. Letters and
 * digits are kept lowercased; punctuation is dropped.
 *
 * <p>Computed when an item is saved and stored as token lists ({@link #tokens}), never per query, except
 * {@link #firstReading} of the resident's query for the homophone fallback (同音错字: 营业执找 → 营业执照).
 */
public final class PinyinKeys {

    /** Raise when the rules below change: items indexed under an older revision are indexed again at start. */
    public static final int REVISION = 1;
    static final int MAX_READINGS = 8;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinKeys() {
    }

    /** {@code " full… initials… "}: every reading of every text, space-delimited, with a space at each end. */
    public static String tokens(Collection<String> texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            List<List<String>> syllables = syllables(text);
            if (syllables.isEmpty()) {
                continue;
            }
            List<String[]> readings = readings(syllables);
            readings.forEach(r -> tokens.add(String.join("", r)));
            readings.forEach(r -> tokens.add(initials(r)));
        }
        return tokens.isEmpty() ? "" : " " + String.join(" ", tokens) + " ";
    }

    /** The full pinyin of {@code text} with each character's first reading; empty without Chinese or letters. */
    public static String firstReading(String text) {
        StringBuilder out = new StringBuilder();
        syllables(text).forEach(choices -> out.append(choices.get(0)));
        return out.toString();
    }

    /** True for what a resident types as pinyin: ASCII letters, with spaces or apostrophes (xi'an) between syllables. */
    public static boolean looksLikePinyin(String query) {
        return query.chars().anyMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
                && query.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == ' ' || c == '\''));
    }

    /** The pinyin query as stored tokens spell it: lowercased, without spaces or apostrophes. */
    public static String normalise(String query) {
        return query.toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "");
    }

    /** Per character, its distinct readings (one for a letter or digit); punctuation and spaces drop out. */
    private static List<List<String>> syllables(String text) {
        List<List<String>> out = new ArrayList<>();
        text.codePoints().forEach(cp -> {
            if (cp < 128) {
                if (Character.isLetterOrDigit(cp)) {
                    out.add(List.of(Character.toString(Character.toLowerCase(cp))));
                }
                return;
            }
            String[] found = cp <= Character.MAX_VALUE ? pinyin((char) cp) : null;
            if (found != null && found.length > 0) {
                out.add(List.copyOf(new LinkedHashSet<>(List.of(found))));
            }
        });
        return out;
    }

    private static String[] pinyin(char c) {
        try {
            return PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("The output format is a valid combination", e);
        }
    }

    /** Up to {@link #MAX_READINGS} combinations in dictionary order: all first readings first. */
    private static List<String[]> readings(List<List<String>> syllables) {
        List<String[]> combos = new ArrayList<>();
        combos.add(new String[syllables.size()]);
        for (int i = 0; i < syllables.size(); i++) {
            List<String[]> next = new ArrayList<>();
            for (String[] partial : combos) {
                for (String choice : syllables.get(i)) {
                    if (next.size() == MAX_READINGS) {
                        break;
                    }
                    String[] extended = partial.clone();
                    extended[i] = choice;
                    next.add(extended);
                }
            }
            combos = next;
        }
        return combos;
    }

    private static String initials(String[] reading) {
        StringBuilder out = new StringBuilder(reading.length);
        for (String syllable : reading) {
            out.append(syllable.charAt(0));
        }
        return out.toString();
    }
}
