package app.banhao.platform.query;

import java.util.Collection;
import java.util.StringJoiner;
import java.util.function.BiConsumer;

import io.quarkus.panache.common.Parameters;

/**
 * An HQL {@code in} over a list, written as one named parameter per value: {@code state in (:state0, :state1)}.
 * Hibernate keeps no query plan for a query with a list-valued parameter ({@code state in :states}), so each such
 * query was translated from HQL to SQL again on every call: the wallet read of a draft alone was 3.5% of the event
 * loops' CPU while drafts were created (async-profiler, 2026-12-05). With a parameter per value, each length of the
 * list is a plan of its own, kept like any other.
 */
public final class InList {

    private InList() {
    }

    /** {@code (:name0, …)} for {@code size} values; {@code (null)}, which matches nothing, for none. */
    public static String of(String name, int size) {
        if (size == 0) {
            return "(null)";
        }
        StringJoiner list = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < size; i++) {
            list.add(":" + name + i);
        }
        return list.toString();
    }

    /** Binds the values of {@link #of}'s parameters, in the collection's order, through {@code bind}. */
    public static void bind(String name, Collection<?> values, BiConsumer<String, Object> bind) {
        int i = 0;
        for (Object value : values) {
            bind.accept(name + i++, value);
        }
    }

    /** {@link #bind} into Panache parameters. */
    public static Parameters bind(Parameters parameters, String name, Collection<?> values) {
        bind(name, values, parameters::and);
        return parameters;
    }
}
