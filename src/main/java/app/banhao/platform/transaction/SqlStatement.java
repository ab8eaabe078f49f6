package app.banhao.platform.transaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.hibernate.reactive.common.AffectedEntities;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One SQL statement with its values, written once and sent either way: as a native query in a Hibernate session's
 * transaction ({@link #executeOn(Mutiny.Session)}, for writes), or on the reactive SQL client underneath (the same pool)
 * together with others in one round trip ({@link #pipelined}). The text uses JPA's ordinal parameters ({@code ?1}, {@code ?2}),
 * which Hibernate Reactive itself turns into PostgreSQL's {@code $1}, {@code $2}; so does {@link #postgresText()}. A
 * statement must therefore not use {@code ?} as an operator (jsonb's {@code ?}: write {@code jsonb_exists} instead).
 *
 * @param affects the entities whose tables the statement writes, so that Hibernate flushes only what it must first
 */
public record SqlStatement(String sql, AffectedEntities affects, List<Object> values) {

    private static final Pattern ORDINAL = Pattern.compile("\\?(\\d+)");
    /** The texts are their writers' constants (a few dozen): each is turned once, not on every request. */
    private static final Map<String, String> POSTGRES_TEXTS = new ConcurrentHashMap<>();

    public static SqlStatement of(String sql, AffectedEntities affects, Object... values) {
        return new SqlStatement(sql, affects, Arrays.asList(values));
    }

    /** Runs it in {@code session}'s transaction; the number of rows it changed. */
    public Uni<Integer> executeOn(Mutiny.Session session) {
        Mutiny.MutationQuery query = session.createNativeQuery(sql, affects);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query.executeUpdate();
    }

    /** The text with PostgreSQL's placeholders, as the reactive SQL client sends it. */
    public String postgresText() {
        return POSTGRES_TEXTS.computeIfAbsent(sql, text -> ORDINAL.matcher(text).replaceAll("\\$$1"));
    }

    /** The values as the reactive SQL client binds them: bytes as a buffer, an enum by its name (as the entities map them). */
    public Tuple tuple() {
        List<Object> bound = new ArrayList<>(values.size());
        for (Object v : values) {
            bound.add(v instanceof byte[] bytes ? Buffer.buffer(bytes) : v instanceof Enum<?> e ? e.name() : v);
        }
        return Tuple.from(bound);
    }

    /**
     * {@code query} with {@code writes} in front of it as the data-modifying members of its {@code WITH}: one statement
     * instead of many, its result the query's. The query and every member see the snapshot taken when the statement
     * starts (the query does not see the rows the members insert), and constraints are checked when it ends, so a
     * member may insert a row that refers to another's. A write that has a {@code WITH} of its own cannot be a member
     * (PostgreSQL allows data-modifying {@code WITH}s only at the top): from the first such write on, the writes are
     * returned after the merged statement, each on its own, in their order.
     */
    public static List<SqlStatement> withWrites(SqlStatement query, List<SqlStatement> writes) {
        StringBuilder with = new StringBuilder();
        List<Object> values = new ArrayList<>();
        int members = 0;
        for (; members < writes.size() && !startsWithWith(writes.get(members)); members++) {
            SqlStatement w = writes.get(members);
            int offset = values.size();
            with.append(members == 0 ? "WITH " : ", ").append('w').append(members).append(" AS (");
            appendRenumbered(with, w.sql(), offset);
            with.append(')');
            values.addAll(w.values());
        }
        int offset = values.size();
        with.append(' ');
        appendRenumbered(with, query.sql(), offset);
        values.addAll(query.values());
        List<SqlStatement> sent = new ArrayList<>(1 + writes.size() - members);
        sent.add(new SqlStatement(members == 0 ? query.sql() : with.toString(), query.affects(), members == 0 ? query.values() : values));
        sent.addAll(writes.subList(members, writes.size()));
        return sent;
    }

    /**
     * {@code writes}, whose order among themselves does not matter, in as few statements as {@link #withWrites} makes of
     * them: the last that has no {@code WITH} of its own is the primary statement (its result the first result), the
     * others its members or, from the first with a {@code WITH} on, statements of their own.
     */
    public static List<SqlStatement> together(List<SqlStatement> writes) {
        for (int last = writes.size() - 1; last >= 0; last--) {
            if (!startsWithWith(writes.get(last))) {
                List<SqlStatement> members = new ArrayList<>(writes);
                return withWrites(members.remove(last), members);
            }
        }
        return writes;
    }

    /**
     * {@code sql} with each ordinal parameter {@code ?n} written as {@code ?(n + offset)}. By hand, not by a regular
     * expression: a submission merges a few thousand characters of text on every request, and the matcher with its
     * replacement function was 1.9% of the JVM's time under the submit load (issue 16).
     */
    static void appendRenumbered(StringBuilder out, String sql, int offset) {
        int length = sql.length();
        int copied = 0;
        for (int i = 0; i < length; i++) {
            if (sql.charAt(i) != '?' || i + 1 == length || !isDigit(sql.charAt(i + 1))) {
                continue;
            }
            int end = i + 1;
            int n = 0;
            while (end < length && isDigit(sql.charAt(end))) {
                n = n * 10 + (sql.charAt(end++) - '0');
            }
            out.append(sql, copied, i).append('?').append(n + offset);
            copied = end;
            i = end - 1;
        }
        out.append(sql, copied, length);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean startsWithWith(SqlStatement s) {
        return s.sql().regionMatches(true, 0, "WITH", 0, 4);
    }

    /**
     * Sends {@code statements} on {@code connection} one after the other without waiting for each answer (the client
     * pipelines them), and gives their results in the same order; PostgreSQL still runs them one at a time, in order,
     * each with a snapshot taken when it starts. The first failure fails the whole: in a transaction, every statement
     * after it has failed too (the transaction is aborted) and nothing of it will commit.
     */
    public static Uni<List<RowSet<Row>>> pipelined(SqlConnection connection, List<SqlStatement> statements) {
        List<Uni<RowSet<Row>>> sent = new ArrayList<>(statements.size());
        for (SqlStatement s : statements) {
            sent.add(connection.preparedQuery(s.postgresText()).execute(s.tuple()));
        }
        return Uni.join().all(sent).andFailFast();
    }
}
