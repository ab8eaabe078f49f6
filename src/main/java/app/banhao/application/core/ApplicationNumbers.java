package app.banhao.application.core;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Application numbers {@code {6-digit region}{yyyyMMdd}{8-digit sequence}} (DESIGN.md §5), the date in
 * Asia/Shanghai. The sequence is PostgreSQL's {@code application_number_seq}: unique on every node and taken
 * without a lock, so concurrent creates never queue on it (V211 says why a counter row per day did). It runs
 * across days, so a day's numbers do not start at 1; they are unique as long as one day has fewer than 10^8.
 *
 * <p>A node takes the sequence {@link #BLOCK} numbers at a time (it steps by that much, V860) and hands them out
 * itself: one {@code nextval} per {@value #BLOCK} drafts instead of a round trip on each (issue 16). Numbers are
 * unique as before and rise on each node; across nodes they are no longer in the order of creation, and a node that
 * stops leaves the rest of its block unused.
 */
@ApplicationScoped
public class ApplicationNumbers {

    /** The sequence's step (V860__application_number_blocks.sql); {@code ApplicationNumberBlocksTest} checks they agree. */
    public static final int BLOCK = 20;

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The numbers {@code [next, end)} of the block a node hands out. */
    private record Block(AtomicLong next, long end) {

        static final Block EMPTY = new Block(new AtomicLong(), 0);

        /** The next number of the block, or -1 when it is used up. */
        long take() {
            long n = next.getAndIncrement();
            return n < end ? n : -1;
        }
    }

    private final String regionCode;
    private static final String NEXT_BLOCK = "SELECT nextval('application_number_seq')";

    private final BusinessClock clock;
    private final Pool pool;
    private final AtomicReference<Block> block = new AtomicReference<>(Block.EMPTY);

    public ApplicationNumbers(@ConfigProperty(name = "banhao.applications.region-code", defaultValue = "430000") String regionCode,
            BusinessClock clock, Pool pool) {
        this.clock = clock;
        this.pool = pool;
        if (!regionCode.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("banhao.applications.region-code must be 6 digits: " + regionCode);
        }
        this.regionCode = regionCode;
    }

    /** The next number; a block's refill on the pool: for a writer that holds no connection of it (no session). */
    public Uni<String> next() {
        return next(() -> pool.preparedQuery(NEXT_BLOCK).execute().map(rows -> rows.iterator().next().getLong(0)));
    }

    /**
     * As {@link #next}, for a writer inside a Hibernate session: a block's refill goes on the session's connection
     * (a sequence is not transactional, so inside its transaction is as good as outside). On the pool it would take a
     * second connection while holding one, and when every connection is held by such a writer waiting for its refill,
     * it waits for ever (the pool's 30 s, then a failure: WritersUnderPoolPressureTest).
     */
    public Uni<String> nextInSession() {
        return next(() -> Panache.getSession().chain(s -> s.createNativeQuery(NEXT_BLOCK, Long.class).getSingleResult()));
    }

    private Uni<String> next(Supplier<Uni<Long>> refill) {
        LocalDate today = clock.today();
        long n = block.get().take();
        if (n > 0) {
            return Uni.createFrom().item(format(regionCode, today, n));
        }
        return refill.get().map(first -> format(regionCode, today, startBlock(first)));
    }

    /**
     * Makes {@code [first, first + BLOCK)} this node's block unless a later one is already (two drafts found the last
     * one used up at once): handed out in order, so a node's numbers keep rising. Returns the number for the caller.
     */
    private long startBlock(long first) {
        Block fresh = new Block(new AtomicLong(first + 1), first + BLOCK);
        block.accumulateAndGet(fresh, (current, offered) -> offered.end() > current.end() ? offered : current);
        return first;
    }

    /** The number of the {@code n}th application (1, 2, …): its 8 digits run 00000001–99999999, then again. */
    public static String format(String region, LocalDate day, long n) {
        // Padded by hand: String.format showed in the draft profile (12 of 779 samples, a Formatter per call).
        String sequence = Long.toString((n - 1) % 99_999_999L + 1);
        return region + DAY.format(day) + "00000000".substring(sequence.length()) + sequence;
    }
}
