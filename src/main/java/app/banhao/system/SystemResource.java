package app.banhao.system;

import app.banhao.api.SystemApi;
import app.banhao.api.model.SystemInfo;
import io.smallrye.mutiny.Uni;

public class SystemResource implements SystemApi {

    private final SystemService system;

    public SystemResource(SystemService system) {
        this.system = system;
    }

    @Override
    public Uni<SystemInfo> getSystemInfo() {
        return Uni.createFrom().item(system.info());
    }
}
