package app.banhao.testing;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import app.banhao.resident.IdNumbers;

/** Valid resident ID numbers for tests: one ID number belongs to one resident, so each test makes its own. */
public final class TestIdNumbers {

    private TestIdNumbers() {
    }

    /** A valid ID number (Changsha Furong district, a random birth date) nobody else in the run is likely to have. */
    public static String unique() {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        String body = "430102" + birth.toString().replace("-", "") + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return body + IdNumbers.checkDigit(body);
    }
}
