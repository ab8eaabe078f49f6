package app.banhao.catalog;

import java.time.Duration;

/**
 * The cache namespace of everything published through the catalogue admin API (items, bundles,
 * departments, home content): one version for all, since one publish can change many pages (an item's
 * name shows in lists, bundles, the hot list and the home feed) and publishes are rare.
 */
public final class CatalogCache {

    public static final String NAMESPACE = "catalog";
    /** Versioned entries only go stale through a publish, which bumps the version: the TTL just frees memory. */
    public static final Duration TTL = Duration.ofMinutes(10);
    /** The hot list moves with every application counted, without a publish. */
    public static final Duration HOT_TTL = Duration.ofSeconds(30);

    private CatalogCache() {
    }
}
