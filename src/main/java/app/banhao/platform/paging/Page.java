package app.banhao.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the cursor of the next (null on the last page).
 *
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Cuts rows fetched with {@link PageRequest#fetchSize()} to the page, and makes the next cursor from
     * the last item kept when there were more.
     */
    public static <T> Page<T> from(List<T> rows, PageRequest request, Function<T, PageRequest.Cursor> position) {
        if (rows.size() <= request.limit()) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> page = List.copyOf(rows.subList(0, request.limit()));
        return new Page<>(page, PageRequest.encode(position.apply(page.get(page.size() - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
