package app.banhao.rating;

/** The Redis cache namespace of the public figures: every change that moves them bumps it (CacheAside). */
public final class RatingCache {

    public static final String NAMESPACE = "ratings";

    private RatingCache() {
    }
}
