package app.banhao.system;

import app.banhao.api.SystemApi;
import app.banhao.api.model.Ping;
import app.banhao.api.model.SystemInfo;
import io.smallrye.mutiny.Uni;

public class SystemResource implements SystemApi {

    /** Touches neither PostgreSQL nor Redis: the benchmark's baseline for what the stack itself costs. */
    private static final Uni<Ping> PING = Uni.createFrom().item(new Ping().status("ok"));

    private final SystemService system;

    public SystemResource(SystemService system) {
        this.system = system;
    }

    @Override
    public Uni<SystemInfo> getSystemInfo() {
        return Uni.createFrom().item(system.info());
    }

    @Override
    public Uni<Ping> ping() {
        return PING;
    }
}
