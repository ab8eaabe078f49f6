package app.banhao.platform.publishing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Publication states shared by every piece of catalogue and home content. */
public final class Publication {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    private Publication() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
