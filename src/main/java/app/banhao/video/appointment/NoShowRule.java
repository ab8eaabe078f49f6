package app.banhao.video.appointment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The documented no-show rule (README "Video appointments"): {@code limit} no-shows within {@code window} pause
 * booking for {@code pause} after the last of them. Plain code over the times the no-shows were recorded.
 */
final class NoShowRule {

    private NoShowRule() {
    }

    /** How far back the misses that can still pause booking go. */
    static OffsetDateTime lookBack(AppointmentSettings s, OffsetDateTime now) {
        return now.minus(s.noShowWindow()).minus(s.noShowPause());
    }

    /** Until when booking is paused, given the misses oldest first; empty when it is not paused at {@code now}. */
    static Optional<OffsetDateTime> pausedUntil(List<OffsetDateTime> misses, AppointmentSettings s, OffsetDateTime now) {
        OffsetDateTime until = null;
        int limit = Math.max(1, s.noShowLimit());
        for (int i = limit - 1; i < misses.size(); i++) {
            OffsetDateTime last = misses.get(i);
            if (!misses.get(i - limit + 1).isBefore(last.minus(s.noShowWindow()))) {
                OffsetDateTime end = last.plus(s.noShowPause());
                if (until == null || end.isAfter(until)) {
                    until = end;
                }
            }
        }
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
