package app.banhao.platform.publishing;

/** Publication states shared by every piece of catalogue and home content. */
public final class Publication {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    private Publication() {
    }
}
