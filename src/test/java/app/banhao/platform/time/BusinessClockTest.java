package app.banhao.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The business day is Shanghai's, timestamps are UTC to the microsecond: plain JUnit, on a fixed clock. */
class BusinessClockTest {

    @Test
    void theBusinessDayTurnsAtMidnightInShanghaiNotInUtc() {
        // 16:30 UTC on 2 December is 00:30 on 3 December in Shanghai: a case filed then counts from the 3rd.
        BusinessClock clock = BusinessClock.fixed(Instant.parse("2026-12-02T16:30:00Z"));
        assertEquals(LocalDate.of(2026, 12, 3), clock.today());
        assertEquals(LocalDate.of(2026, 12, 2), BusinessClock.fixed(Instant.parse("2026-12-02T15:59:59Z")).today());
    }

    @Test
    void timestampsAreUtcAndKeepWhatPostgresqlKeeps() {
        BusinessClock clock = BusinessClock.fixed(Instant.parse("2026-12-02T16:30:00.123456789Z"));
        OffsetDateTime now = clock.now();
        assertEquals(ZoneOffset.UTC, now.getOffset());
        assertEquals(OffsetDateTime.parse("2026-12-02T16:30:00.123456Z"), now);
    }
}
