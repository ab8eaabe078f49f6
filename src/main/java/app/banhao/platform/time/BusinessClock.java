package app.banhao.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one clock of the business: what time it is (stored in UTC, to the microsecond PostgreSQL keeps) and what day
 * it is where the province works ({@code Asia/Shanghai}: deadlines, working days, daily limits, case numbers). Inject
 * it instead of calling {@code now()}; a test replaces it with {@link #fixed} through {@code QuarkusMock}.
 */
@ApplicationScoped
public class BusinessClock {

    /** Where the business day is counted. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public BusinessClock() {
        this(Clock.system(ZONE));
    }

    BusinessClock(Clock clock) {
        this.clock = clock;
    }

    /** A clock stopped at {@code instant}, for tests. */
    public static BusinessClock fixed(Instant instant) {
        return new BusinessClock(Clock.fixed(instant, ZONE));
    }

    /** Now, in UTC, truncated to microseconds so what is stored reads back equal. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public Instant instant() {
        return clock.instant();
    }

    /** Today in the province. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The underlying clock, for libraries that take a {@link Clock} (token checks, signatures). */
    public Clock clock() {
        return clock;
    }
}
