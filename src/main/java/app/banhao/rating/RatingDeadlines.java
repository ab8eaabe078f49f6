package app.banhao.rating;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.calendar.WorkingCalendar;

/** The 好差评 deadlines in working days on the official calendar (holidays and 调休 included). */
@ApplicationScoped
public class RatingDeadlines {

    private final WorkingCalendar calendar;
    private final RatingSettings settings;

    public RatingDeadlines(WorkingCalendar calendar, RatingSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    /** The last day to rectify a 差评 of {@code department} given on {@code ratedOn}. */
    public LocalDate rectificationDue(String department, LocalDate ratedOn) {
        int days = settings.rectificationWorkingDaysByDepartment().getOrDefault(department, settings.rectificationWorkingDays());
        return calendar.addWorkingDays(ratedOn, days);
    }

    /** The last day the department may appeal a 差评 given on {@code ratedOn}. */
    public LocalDate appealBy(LocalDate ratedOn) {
        return calendar.addWorkingDays(ratedOn, settings.appealWorkingDays());
    }
}
