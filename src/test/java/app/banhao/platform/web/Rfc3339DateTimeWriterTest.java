package app.banhao.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.TimeZone;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.test.junit.QuarkusTest;

/** The app's responses write date-times through the writer, in exactly the text Jackson's formatter wrote. */
@QuarkusTest
class Rfc3339DateTimeWriterTest {

    private static final int[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    @Inject
    ObjectMapper json;

    @Test
    void theAppsMapperWritesDateTimesWithIt() throws Exception {
        String serializer = json.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class).getClass().getName();
        assertTrue(serializer.startsWith(Rfc3339DateTimeWriter.class.getName()), serializer);
    }

    @Test
    void sameTextAsTheIsoFormatterForAnyFractionAndOffset() throws Exception {
        SplittableRandom random = new SplittableRandom(20261205);
        int[] fractionDigits = {0, 1, 3, 6, 8, 9};
        for (int i = 0; i < 20_000; i++) {
            int digits = fractionDigits[i % fractionDigits.length];
            int nano = random.nextInt(TENS[digits]) * TENS[9 - digits];
            ZoneOffset offset = switch (i % 4) {
                case 0 -> ZoneOffset.UTC;
                case 1 -> ZoneOffset.ofHours(8);
                case 2 -> ZoneOffset.ofHoursMinutes(-9, -30);
                default -> ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1));
            };
            OffsetDateTime value = OffsetDateTime.of(LocalDateTime.of(random.nextInt(0, 10_000), random.nextInt(1, 13),
                    random.nextInt(1, 29), random.nextInt(24), random.nextInt(60), random.nextInt(60), nano), offset);
            assertEquals('"' + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value) + '"', json.writeValueAsString(value));
        }
    }

    @Test
    void yearsBeyondFourDigitsAndTheEdgesOfTheRange() throws Exception {
        for (OffsetDateTime value : new OffsetDateTime[] { OffsetDateTime.MIN, OffsetDateTime.MAX,
                OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(-1, 12, 31, 23, 59, 59, 1, ZoneOffset.UTC),
                OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC) }) {
            assertEquals('"' + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value) + '"', json.writeValueAsString(value));
        }
    }

    @Test
    void otherSettingsKeepJacksonsOwnWriting() throws Exception {
        OffsetDateTime value = OffsetDateTime.of(2026, 12, 5, 9, 30, 0, 120_000_000, ZoneOffset.UTC);
        ObjectMapper inShanghai = json.copy().setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        assertEquals("\"2026-12-05T17:30:00.12+08:00\"", inShanghai.writeValueAsString(value));
        ObjectMapper asNumbers = json.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertEquals("1796463000.120000000", asNumbers.writeValueAsString(value));
    }
}
