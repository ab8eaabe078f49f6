package app.banhao.live;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.platform.local.LocalMode;
import app.banhao.platform.startup.StartupTask;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * In local mode (with the demo accounts), a scheduled stream of the demo department, tomorrow at 10:00 Beijing time,
 * promoting its 个体工商户设立登记: what the README's walk-through starts from. Created once (a fixed id), never
 * outside local mode.
 */
@ApplicationScoped
public class DemoLiveStream implements StartupTask {

    /** The demo stream's id, fixed so a restart finds it (README). */
    public static final UUID ID = UUID.fromString("6b1f0d2e-3c4a-4b5d-8e6f-70a1b2c3d4e5");
    static final String DEMO_ITEM = "HN-SCJ-GTGSHSL";

    private final boolean enabled;
    private final String department;
    private final LiveSessionRepository streams;
    private final LiveCache cache;
    private final BusinessClock clock;

    public DemoLiveStream(LocalMode local, @ConfigProperty(name = "banhao.demo.enabled", defaultValue = "true") boolean wanted,
            @ConfigProperty(name = "banhao.demo.department", defaultValue = "HN-SCJ") String department,
            LiveSessionRepository streams, LiveCache cache, BusinessClock clock) {
        this.enabled = wanted && local.on();
        this.department = department;
        this.streams = streams;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public Uni<Void> atStart() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(this::ensure).call(cache::changed)
                .invoke(() -> Log.infof("Demo live stream %s of department %s ready (see README)", ID, department));
    }

    private Uni<Void> ensure() {
        return streams.findById(ID).chain(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            LiveSession s = new LiveSession();
            s.id = ID;
            s.departmentCode = department;
            s.title = "个体工商户开办政策解读（演示）";
            s.description = "演示直播：讲解个体工商户设立登记全程网办，在线答疑。";
            s.topicItemCodes = DEMO_ITEM;
            s.startsAt = clock.today().plusDays(1).atTime(LocalTime.of(10, 0)).atZone(BusinessClock.ZONE).toOffsetDateTime();
            s.endsAt = s.startsAt.plus(Duration.ofHours(1));
            s.state = LiveSession.State.SCHEDULED;
            s.playUrl = "https://live.example.cn/banhao-demo/index.m3u8";
            s.createdBy = new UUID(0, 0);
            s.createdAt = clock.now();
            return streams.persist(s).replaceWithVoid();
        });
    }
}
