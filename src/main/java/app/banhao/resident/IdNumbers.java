package app.banhao.resident;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;

/** The 18-digit resident ID number of GB 11643: province code, birth date, ISO 7064 MOD 11-2 check digit. */
public final class IdNumbers {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82", "91");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumbers() {
    }

    /** Upper-cases a trailing x; otherwise as given. */
    public static String normalise(String id) {
        return id == null ? null : id.trim().toUpperCase();
    }

    public static boolean valid(String raw, LocalDate today) {
        String id = normalise(raw);
        if (id == null || !id.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        if (!PROVINCES.contains(id.substring(0, 2))) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.parse(id.substring(6, 14), BIRTH);
            if (birth.isAfter(today) || birth.getYear() < 1900) {
                return false;
            }
        } catch (DateTimeParseException e) {
            return false;
        }
        return id.charAt(17) == checkDigit(id);
    }

    public static char checkDigit(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
