package app.banhao.application.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import app.banhao.application.core.ApplicationNumbers;

/** Numbers are {region}{yyyyMMdd}{8 digits}, whatever the sequence has reached. */
class ApplicationNumbersTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void eightDigitsFromTheSequence() {
        assertEquals("4300002026112300000001", ApplicationNumbers.format("430000", DAY, 1));
        assertEquals("4300002026112312345678", ApplicationNumbers.format("430000", DAY, 12_345_678));
    }

    @Test
    void theEightDigitsWrapWithoutZeroOrANinthDigit() {
        assertEquals("4300002026112399999999", ApplicationNumbers.format("430000", DAY, 99_999_999));
        assertEquals("4300002026112300000001", ApplicationNumbers.format("430000", DAY, 100_000_000));
    }
}
