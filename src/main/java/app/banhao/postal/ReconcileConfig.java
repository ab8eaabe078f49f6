package app.banhao.postal;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code banhao.postal.reconcile.*}: the sweep that keeps a lost push or a long carrier outage from stranding a parcel. */
@ConfigMapping(prefix = "banhao.postal.reconcile")
public interface ReconcileConfig {

    /** How often the sweep runs ({@code off} to run it by hand, as tests do); read by the scheduler. */
    @WithDefault("15m")
    String every();

    /** A parcel on its way without news this long gets a tracking query (040001). */
    @WithDefault("PT6H")
    Duration quietAfter();

    /** A request not ordered this long (the relay gave up on a carrier down for long) is sent again. */
    @WithDefault("PT30M")
    Duration requestedAfter();

    /** Parcels per kind and sweep. */
    @WithDefault("100")
    int batch();
}
