package app.banhao.platform.web;

/**
 * Whether a caller's text can be stored and handed on: PostgreSQL refuses U+0000 in {@code text} and
 * {@code jsonb}, and an unpaired UTF-16 surrogate is no character at all (it cannot be written as UTF-8).
 * Checked once at the edge, for every JSON string and every parameter, so no feature meets them.
 */
public final class StorableText {

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
