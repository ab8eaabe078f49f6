package app.banhao.rating.stats;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import app.banhao.rating.Level;
import app.banhao.rating.Rating;
import app.banhao.rating.Rectification;
import io.smallrye.mutiny.Uni;

/**
 * Counts one month's ratings, rectifications and appeals per department and item in three grouped queries (HQL, one
 * plan each), optionally for one department only. Ratings taken out by an upheld appeal count only as appeals; a
 * withdrawn rectification does not count.
 */
@ApplicationScoped
public class MonthTallies {

    /** Tallies by department code, then by item code. */
    public record ByDepartment(Map<String, Map<String, Tally>> tallies, Map<String, String> itemNames) {
    }

    private static final String LEVELS = "select r.departmentCode, r.itemCode, max(r.itemName), r.level, count(r) from Rating r"
            + " where r.period = :period and r.counted = true %s group by r.departmentCode, r.itemCode, r.level";
    private static final String FIXES = "select x.departmentCode, x.itemCode, count(x),"
            + " sum(case when x.fixedOnTime = true then 1 else 0 end), sum(case when x.followUpAt is not null then 1 else 0 end),"
            + " coalesce(sum(x.fixDays), 0.0), count(x.fixDays) from Rectification x"
            + " where x.period = :period and x.state <> :withdrawn %s group by x.departmentCode, x.itemCode";
    private static final String APPEALS = "select r.departmentCode, r.itemCode, r.appealState, count(r) from Rating r"
            + " where r.period = :period and r.appealState is not null %s group by r.departmentCode, r.itemCode, r.appealState";

    /** One month's tallies, of every department or only of {@code department} (when not null). */
    Uni<ByDepartment> count(Mutiny.Session s, String period, String department) {
        ByDepartment out = new ByDepartment(new TreeMap<>(), new TreeMap<>());
        return query(s, LEVELS, "r", period, department)
                .getResultList().invoke(rows -> rows.forEach(row -> {
                    tally(out, row).addLevel((Level) row[3], (Long) row[4]);
                    if (row[1] != null && row[2] != null) {
                        out.itemNames().put((String) row[1], (String) row[2]);
                    }
                }))
                .chain(() -> query(s, FIXES, "x", period, department)
                        .setParameter("withdrawn", Rectification.State.WITHDRAWN).getResultList())
                .invoke(rows -> rows.forEach(row -> {
                    Tally t = tally(out, row);
                    t.rectifications += (Long) row[2];
                    t.onTime += ((Number) row[3]).longValue();
                    t.followedUp += ((Number) row[4]).longValue();
                    t.fixDays += ((Number) row[5]).doubleValue();
                    t.fixed += (Long) row[6];
                }))
                .chain(() -> query(s, APPEALS, "r", period, department).getResultList())
                .invoke(rows -> rows.forEach(row -> {
                    Tally t = tally(out, row);
                    long n = (Long) row[3];
                    switch ((Rating.AppealState) row[2]) {
                        case UPHELD -> t.appealsUpheld += n;
                        case REJECTED -> t.appealsRejected += n;
                        case PENDING -> t.appealsPending += n;
                    }
                }))
                .replaceWith(out);
    }

    /** Two fixed texts per query (all departments, or one), so each keeps one plan. */
    private static Mutiny.SelectionQuery<Object[]> query(Mutiny.Session s, String hql, String alias, String period,
            String department) {
        String where = department == null ? "" : "and " + alias + ".departmentCode = :department";
        Mutiny.SelectionQuery<Object[]> q = s.createSelectionQuery(String.format(hql, where), Object[].class)
                .setParameter("period", period);
        return department == null ? q : q.setParameter("department", department);
    }

    private static Tally tally(ByDepartment out, Object[] row) {
        String item = row[1] == null ? "" : (String) row[1];
        return out.tallies().computeIfAbsent((String) row[0], d -> new TreeMap<>()).computeIfAbsent(item, i -> new Tally());
    }

    /** The sum over a department's items. */
    static Tally total(Map<String, Tally> items) {
        Tally total = new Tally();
        items.values().forEach(total::add);
        return total;
    }

    static List<String> departments(ByDepartment counted) {
        return List.copyOf(counted.tallies().keySet());
    }
}
