package app.banhao.catalog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.publishing.Publication;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Ranked text search over active items, in one HQL statement each (README "Search"). Rank tiers:
 * <ol start="0">
 * <li>the name, or the pinyin (full or initials) of the whole name, is the query;</li>
 * <li>the name, or one of its pinyin forms, starts with it;</li>
 * <li>the name, or its pinyin (3+ letters), contains it;</li>
 * <li>an alias (社保, 身份证…) or its pinyin is the query;</li>
 * <li>an alias or its pinyin contains it;</li>
 * <li>homophones (同音错字): the query's pinyin matches the name's or an alias's pinyin (营业执找 → 营业执照);</li>
 * <li>a material's name contains it;</li>
 * <li>the guide or the conditions contain it.</li>
 * </ol>
 * Ties: items that list the query as an alias first (the administrators' word for what residents mean),
 * then popularity (the hot ranking's order, then featured), then shorter names, then name and code.
 * When nothing matches, {@link #closest} ranks items by pg_trgm word similarity of the query to the name and
 * of its pinyin to the pinyin columns (a typo, 公基金, yingyezhizao).
 */
@ApplicationScoped
public class ItemSearch {

    /** How much of the hot ranking breaks ties: far more than one page of results. */
    private static final int HOT_TIE_BREAK = 100;

    private final ServiceItemRepository items;
    private final HotServices hotServices;

    public ItemSearch(ServiceItemRepository items, HotServices hotServices) {
        this.items = items;
        this.hotServices = hotServices;
    }

    /** What a search found: the ranked matches, or, when nothing matched, the closest items ({@code closest}). */
    public record Found(List<ServiceItem> items, boolean closest) {
    }

    /**
     * Rows {@code offset}… of the ranked matches ({@code count} at most); when nothing matches at all (offset
     * 0), the {@code nearest} closest items instead.
     */
    public Uni<Found> find(String query, ItemFilter filter, int offset, int count, int nearest) {
        SearchText text = SearchText.of(query);
        return hotServices.rankedCodes(HOT_TIE_BREAK).chain(hot -> ranked(text, filter, hot, offset, count)
                .chain(rows -> !rows.isEmpty() || offset > 0 ? Uni.createFrom().item(new Found(rows, false))
                        : closest(text, filter, hot, nearest).map(near -> new Found(near, true))));
    }

    /** Rows {@code offset}… of the ranked matches ({@code count} at most), departments fetched. */
    Uni<List<ServiceItem>> ranked(SearchText text, ItemFilter filter, List<String> hot, int offset, int count) {
        Parameters params = Parameters.with("status", Publication.ACTIVE)
                .and("lq", text.lower()).and("lqPrefix", text.lower() + "%")
                .and("contains", "%" + text.lower() + "%").and("kwToken", "% " + text.compact() + " %")
                .and("hot", hotOrder(hot));
        StringBuilder tier = new StringBuilder("case when lower(i.name) = :lq then 0 when lower(i.name) like :lqPrefix escape '!' then 1");
        StringBuilder aliasExact = new StringBuilder("i.keywords like :kwToken escape '!'");
        StringBuilder where = new StringBuilder(
                "lower(i.name) like :contains escape '!' or i.keywords like :contains escape '!'"
                        + " or i.guide ilike :contains escape '!' or i.conditions ilike :contains escape '!'"
                        + " or exists (select 1 from ServiceItem s join s.materials m where s.code = i.code"
                        + " and m.name ilike :contains escape '!')");
        if (text.pinyin() != null) {
            params.and("pyToken", "% " + text.pinyin() + " %").and("pyPrefix", "% " + text.pinyin() + "%")
                    .and("pyContains", text.pinyinContains());
            tier.append(" when i.namePinyin like :pyToken escape '!' then 0 when i.namePinyin like :pyPrefix escape '!' then 1")
                    .append(" when lower(i.name) like :contains escape '!' or i.namePinyin like :pyContains escape '!' then 2")
                    .append(" when i.keywords like :kwToken escape '!' or i.keywordPinyin like :pyToken escape '!' then 3")
                    .append(" when i.keywords like :contains escape '!' or i.keywordPinyin like :pyContains escape '!' then 4");
            aliasExact.append(" or i.keywordPinyin like :pyToken escape '!'");
            where.append(" or i.namePinyin like :pyContains escape '!' or i.keywordPinyin like :pyContains escape '!'");
        } else {
            tier.append(" when lower(i.name) like :contains escape '!' then 2 when i.keywords like :kwToken escape '!' then 3")
                    .append(" when i.keywords like :contains escape '!' then 4");
        }
        if (text.homophone() != null) {
            params.and("hoToken", "% " + text.homophone() + " %").and("hoContains", text.homophoneContains());
            String homophone = "i.namePinyin like :hoContains escape '!' or i.keywordPinyin like :hoToken escape '!'";
            aliasExact.append(" or i.keywordPinyin like :hoToken escape '!'");
            tier.append(" when ").append(homophone).append(" then 5");
            where.append(" or ").append(homophone);
        }
        tier.append(" when exists (select 1 from ServiceItem s join s.materials m where s.code = i.code")
                .append(" and m.name ilike :contains escape '!') then 6 else 7 end");
        StringBuilder query = new StringBuilder(ServiceItemRepository.ACTIVE_WITH_DEPARTMENT);
        ServiceItemRepository.appendFilters(query, params, filter);
        query.append(" and (").append(where).append(") order by ").append(tier)
                .append(", case when ").append(aliasExact).append(" then 0 else 1 end, ")
                .append(HOT_POSITION).append(", i.featured desc, length(i.name), i.name, i.code");
        return items.find(query.toString(), params).range(offset, offset + count - 1).list();
    }

    /** The {@code count} items nearest the query by trigram word similarity (name, or pinyin), best first. */
    Uni<List<ServiceItem>> closest(SearchText text, ItemFilter filter, List<String> hot, int count) {
        String py = text.pinyin() != null ? text.pinyin() : text.homophone() != null ? text.homophone() : text.lower();
        Parameters params = Parameters.with("status", Publication.ACTIVE).and("q", text.compact()).and("py", py)
                .and("hot", hotOrder(hot));
        StringBuilder query = new StringBuilder(ServiceItemRepository.ACTIVE_WITH_DEPARTMENT);
        ServiceItemRepository.appendFilters(query, params, filter);
        query.append(" and (function('catalog_word_near', :q, i.name) = true")
                .append(" or function('catalog_word_near', :py, i.namePinyin) = true")
                .append(" or function('catalog_word_near', :py, i.keywordPinyin) = true)")
                .append(" order by greatest(cast(function('word_similarity', :q, i.name) as double),")
                .append(" cast(function('word_similarity', :py, i.namePinyin) as double),")
                .append(" cast(function('word_similarity', :py, i.keywordPinyin) as double)) desc, ")
                .append(HOT_POSITION).append(", i.featured desc, i.name, i.code");
        return items.find(query.toString(), params).range(0, count - 1).list();
    }

    /** Position of the item in the hot ranking passed as {@code |code|code|…|}; unranked items after all. */
    private static final String HOT_POSITION = "case when locate(concat('|', i.code, '|'), :hot) = 0 then 1000000"
            + " else locate(concat('|', i.code, '|'), :hot) end";

    private static String hotOrder(List<String> hot) {
        return "|" + String.join("|", hot) + "|";
    }
}
