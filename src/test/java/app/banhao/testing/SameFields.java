package app.banhao.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An entity written or read by a statement of our own compared with the one Hibernate writes or reads: a field added
 * to an entity and not to its statement fails the comparison.
 */
public final class SameFields {

    private SameFields() {
    }

    /** Every public instance field of {@code expected} equals {@code actual}'s (instants compared as instants, bytes by content), but {@code skipped}. */
    public static void assertSameFields(Object expected, Object actual, String... skipped) throws IllegalAccessException {
        List<String> skip = List.of(skipped);
        for (Field f : expected.getClass().getDeclaredFields()) {
            // The entities' mapped fields are public; what Hibernate's enhancement adds is not.
            if (Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers()) || skip.contains(f.getName())) {
                continue;
            }
            Object want = f.get(expected);
            Object got = f.get(actual);
            assertNotNull(want, "the test leaves " + f.getName() + " unset, so it proves nothing about it");
            if (want instanceof OffsetDateTime w && got instanceof OffsetDateTime g) {
                assertEquals(w.toInstant(), g.toInstant(), f.getName());
            } else if (want instanceof byte[] w) {
                assertArrayEquals(w, (byte[]) got, f.getName());
            } else if (want instanceof String w && w.startsWith("{")) {
                assertEquals(w.replace(" ", ""), String.valueOf(got).replace(" ", ""), f.getName()); // jsonb re-spaces
            } else {
                assertEquals(want, got, f.getName());
            }
        }
    }
}
