package app.banhao.catalog;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The search columns of a service item (V430): its aliases as a token list and the pinyin forms of its name
 * and aliases. Token lists are space-delimited with a space at each end, so that one LIKE tells an exact
 * token ({@code ' q '}), a token prefix ({@code ' q%'}) and a substring ({@code '%q%'}) apart.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /** Sets the aliases (blank ones dropped, spaces inside one removed, duplicates once) and re-derives the pinyin. */
    public static void setAliases(ServiceItem item, Collection<String> aliases) {
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String alias : aliases) {
            String token = alias == null ? "" : alias.replaceAll("\\s+", "");
            if (!token.isEmpty()) {
                clean.add(token);
            }
        }
        item.keywords = clean.isEmpty() ? "" : " " + String.join(" ", clean) + " ";
        index(item);
    }

    public static List<String> aliases(ServiceItem item) {
        return Arrays.stream(item.keywords.trim().split(" ")).filter(a -> !a.isEmpty()).toList();
    }

    /** Derives the pinyin columns from the name and aliases; call after either changes. */
    public static void index(ServiceItem item) {
        item.namePinyin = PinyinKeys.tokens(List.of(item.name));
        item.keywordPinyin = PinyinKeys.tokens(aliases(item));
        item.searchRev = PinyinKeys.REVISION;
    }
}
