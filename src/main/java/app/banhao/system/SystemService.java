package app.banhao.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.EmbeddedServersView;
import app.banhao.api.model.SystemInfo;
import app.banhao.platform.startup.StartupTask;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.mutiny.Uni;

/** Facts about this running instance, and the record of its start. */
@ApplicationScoped
public class SystemService implements StartupTask {

    private final UUID instanceId = UUID.randomUUID();
    private final Instant startedAt = Instant.now();
    private final BuildInfo build;
    private final SystemBootRepository boots;
    private final boolean embeddedPostgres;
    private final boolean embeddedRedis;

    public SystemService(BuildInfo build, SystemBootRepository boots,
            @ConfigProperty(name = "banhao.embedded.postgres") boolean embeddedPostgres,
            @ConfigProperty(name = "banhao.embedded.redis") boolean embeddedRedis) {
        this.build = build;
        this.boots = boots;
        this.embeddedPostgres = embeddedPostgres;
        this.embeddedRedis = embeddedRedis;
    }

    @Override
    public Uni<Void> atStart() {
        return recordBoot().invoke(() -> Log.infof("Banhao %s started as instance %s (embedded PostgreSQL: %s, embedded Redis: %s)",
                build.version(), instanceId, embeddedPostgres, embeddedRedis));
    }

    @WithTransaction
    Uni<Void> recordBoot() {
        SystemBoot boot = new SystemBoot();
        boot.instanceId = instanceId;
        boot.version = build.version();
        boot.startedAt = OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC);
        boot.embeddedPostgres = embeddedPostgres;
        boot.embeddedRedis = embeddedRedis;
        return boots.persist(boot).replaceWithVoid();
    }

    public SystemInfo info() {
        EmbeddedServersView embedded = new EmbeddedServersView();
        embedded.setPostgres(embeddedPostgres);
        embedded.setRedis(embeddedRedis);
        SystemInfo info = new SystemInfo();
        info.setName("banhao-api");
        info.setVersion(build.version());
        info.setBuildTime(build.buildTime().atOffset(ZoneOffset.UTC));
        info.setProfile(String.join(",", ConfigUtils.getProfiles()));
        info.setInstanceId(instanceId.toString());
        info.setStartedAt(startedAt.atOffset(ZoneOffset.UTC));
        info.setEmbedded(embedded);
        return info;
    }
}
