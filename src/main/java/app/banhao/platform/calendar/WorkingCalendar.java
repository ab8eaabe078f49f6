package app.banhao.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.startup.StartupTask;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The official working-day calendar (工作日): Monday to Friday, except the public holidays and plus the
 * make-up working days (调休) of the State Council's yearly notice, kept as data in
 * {@code working_calendar_day}. Time limits (承诺时限, 法定时限, 补正期限) count on it.
 *
 * <p>The exceptions are a few dozen rows a year, held in memory after start; a new year's notice arrives
 * as a migration, i.e. with a deployment. A date in a year without a notice falls back to Monday–Friday,
 * with one warning per year, since guessing holidays would be worse.
 */
@ApplicationScoped
public class WorkingCalendar implements StartupTask {

    private volatile Map<LocalDate, Boolean> exceptions = Map.of();
    private volatile Set<Integer> coveredYears = Set.of();
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    @Override
    public Uni<Void> atStart() {
        return reload().invoke(() -> Log.infof("Working-day calendar covers %s (%d exceptions)", coveredYears, exceptions.size()));
    }

    /** Reads the calendar tables again. */
    public Uni<Void> reload() {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT year FROM working_calendar_year", Integer.class).getResultList()
                .flatMap(years -> s.createNativeQuery("SELECT day, working FROM working_calendar_day", Object[].class)
                        .getResultList()
                        .invoke(days -> apply(years, days)))))
                .replaceWithVoid();
    }

    private void apply(List<Integer> years, List<Object[]> days) {
        Map<LocalDate, Boolean> loaded = new HashMap<>();
        for (Object[] row : days) {
            loaded.put(toDate(row[0]), (Boolean) row[1]);
        }
        exceptions = Map.copyOf(loaded);
        coveredYears = Set.copyOf(years);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        if (!coveredYears.contains(day.getYear()) && warnedYears.add(day.getYear())) {
            Log.warnf("No official holiday notice for %d in the working-day calendar: counting Monday to Friday",
                    day.getYear());
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The day on which a time limit of {@code workingDays} working days, starting the day after {@code start},
     * ends: the {@code workingDays}-th working day after {@code start}. Zero gives {@code start} itself
     * (decided on the day, 即办).
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate day = start;
        for (int left = workingDays; left > 0;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Working days in {@code (from, to]}: how much of a time limit the days between used up (0 if to ≤ from). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
