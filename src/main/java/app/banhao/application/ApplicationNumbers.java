package app.banhao.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Application numbers {@code {6-digit region}{yyyyMMdd}{8-digit sequence}} (DESIGN.md §5), the date in
 * Asia/Shanghai. The sequence is a counter row per region and day, bumped in the caller's transaction by
 * one {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}: concurrent creates queue on the row lock, so
 * no two get the same number on any node. (The row is held until the creating transaction ends; a
 * province-wide burst beyond one row's throughput would shard the counter per node prefix.)
 */
@ApplicationScoped
public class ApplicationNumbers {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final String regionCode;

    public ApplicationNumbers(@ConfigProperty(name = "banhao.applications.region-code", defaultValue = "430000") String regionCode) {
        if (!regionCode.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("banhao.applications.region-code must be 6 digits: " + regionCode);
        }
        this.regionCode = regionCode;
    }

    public Uni<String> next() {
        LocalDate today = LocalDate.now(ZONE);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO application_sequence (region_code, day, last_value) VALUES (?1, ?2, 1) "
                        + "ON CONFLICT (region_code, day) DO UPDATE SET last_value = application_sequence.last_value + 1 "
                        + "RETURNING last_value", Integer.class)
                .setParameter(1, regionCode).setParameter(2, today)
                .getSingleResult())
                .map(n -> format(regionCode, today, n));
    }

    static String format(String region, LocalDate day, int sequence) {
        if (sequence > 99_999_999) {
            throw new IllegalStateException("Application sequence exhausted for " + region + " on " + day);
        }
        return region + DAY.format(day) + String.format("%08d", sequence);
    }
}
