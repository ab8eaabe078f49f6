package app.banhao.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.cache.CachedJson;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.publishing.Publication;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The catalogue as other features see it: what an item asks of an applicant and promises, and which items a bundle
 * (一件事) joins, as read-only records. Other features never touch the catalogue's entities or repositories.
 */
@ApplicationScoped
public class ItemCatalog {

    /** An item as an application needs it. {@code formSchema} and {@code instantRules} are JSON text (null when none). */
    public record Item(String code, String name, String departmentCode, boolean active, int promisedDays, int legalDays,
            boolean instant, String instantRules, String formSchema, boolean commitmentAllowed, long version,
            List<ItemMaterial> materials, String departmentName, String resultCertificateType) {

        /** The material of this name the item asks for, or null. */
        public ItemMaterial material(String name) {
            return materials.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** A material an item asks for: whether it is required, may follow later (容缺), or a certificate may stand in. */
    public record ItemMaterial(String name, boolean required, boolean toleratedIfMissing, String replaceableBy) {
    }

    /**
     * A bundle (一件事) with its items that are offered now, in the bundle's order: what opening its drafts needs. Each
     * child is then submitted against its full {@link Item}.
     */
    public record ItemBundle(String code, String name, List<BundlePart> items) {
    }

    /** An item of a bundle: its code, name, department and form schema (JSON text, null when none). */
    public record BundlePart(String code, String name, String departmentCode, String formSchema) {
    }

    /** What an approval of an item leaves in the wallet: the item's result certificate type and who issues it. */
    public record ResultCertificate(String itemCode, String itemName, String certificateType, String departmentCode,
            String departmentName) {
    }

    private final ServiceItemRepository items;
    private final BundleRepository bundles;
    private final DepartmentRepository departments;
    private final CacheAside cache;
    private final ObjectMapper json;
    /** Parsed records by the entity tag of their JSON: a new version of an item is a new tag. */
    private final Cache<String, Optional<Item>> parsed = Caffeine.newBuilder().maximumSize(2_000).build();

    public ItemCatalog(ServiceItemRepository items, BundleRepository bundles, DepartmentRepository departments,
            CacheAside cache, ObjectMapper json) {
        this.items = items;
        this.bundles = bundles;
        this.departments = departments;
        this.cache = cache;
        this.json = json;
    }

    /** Whether the department {@code code} is published (not retired). */
    public Uni<Boolean> departmentActive(String code) {
        return departments.findActive(code).map(d -> d != null);
    }

    /** The name of department {@code code}, or the code itself when the catalogue has no such department. Needs a session. */
    public Uni<String> departmentName(String code) {
        return departments.findById(code).map(d -> d == null ? code : d.name);
    }

    /** The item if it is offered now; 422 {@code ITEM_NOT_AVAILABLE} naming {@code itemCode} otherwise. */
    public Uni<Item> active(String code) {
        return any(code).map(item -> requireActive(code, item));
    }

    /** {@code item} (as {@link #any} found it for {@code code}) if it takes applications, else 422 {@code ITEM_NOT_AVAILABLE}. */
    private static Item requireActive(String code, Item item) {
        if (item == null || !item.active()) {
            throw new ApiException(CatalogErrors.ITEM_NOT_AVAILABLE, List.of(String.valueOf(code)),
                    List.of(FieldError.of("itemCode", FieldCode.NOT_ALLOWED)), Map.of());
        }
        return item;
    }

    /**
     * The item whatever its status (applications already filed keep a retired item), or null. Read through the
     * catalogue's cache, as the item pages are: every draft and submission needs its item, and a publish bumps the
     * cache's version after it commits, so this node sees a change at once and others within the near cache's
     * second (see {@link CacheAside}); the same record parsed once per version of its JSON.
     */
    public Uni<Item> any(String code) {
        return cache.get(CatalogCache.NAMESPACE, recordKey(code), CatalogCache.TTL, () -> load(code)).map(this::itemIn);
    }

    /**
     * As {@link #active}, from the cache alone: empty when the item would have to be loaded from the database. For a
     * writer that holds a connection while it asks (see {@link CacheAside#cached}): on empty it lets the connection
     * go, asks {@link #active} and starts again with the item in hand.
     */
    public Uni<Optional<Item>> activeIfCached(String code) {
        return cache.cached(CatalogCache.NAMESPACE, recordKey(code), CatalogCache.TTL)
                .map(cached -> cached == null ? Optional.empty() : Optional.of(requireActive(code, itemIn(cached))));
    }

    /** The key names the record's shape: a node of the next version never reads an entry of the previous one. */
    private static String recordKey(String code) {
        return "item-record-v2:" + code;
    }

    /** The item a cached record holds (null for a code the catalogue does not know), parsed once per version of it. */
    private Item itemIn(CachedJson cached) {
        return parsed.get(cached.etag(), tag -> read(cached.body())).orElse(null);
    }

    private Uni<Item> load(String code) {
        // In the caller's session, or one of its own for a caller without (a writer on the reactive SQL client).
        return Panache.withSession(() -> items.find("from ServiceItem i join fetch i.department left join fetch i.materials where i.code = ?1", code)
                .list().map(found -> found.isEmpty() ? null : item(found.get(0))));
    }

    private Optional<Item> read(String body) {
        try {
            return Optional.ofNullable(json.readValue(body, Item.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cached item did not parse back", e);
        }
    }

    /**
     * The result certificate of item {@code code} (whatever its status), or null when it names none or is unknown: from
     * the same cached record as {@link #any}.
     */
    public Uni<ResultCertificate> resultCertificate(String code) {
        return any(code).map(i -> i == null || i.resultCertificateType() == null || i.resultCertificateType().isBlank() ? null
                : new ResultCertificate(i.code(), i.name(), i.resultCertificateType(), i.departmentCode(), i.departmentName()));
    }

    /**
     * How the item's result may reach the resident ({@code DeliveryOption} wire values: ELECTRONIC, WINDOW_PICKUP,
     * POSTAL); empty for an unknown item. Read from the database: asked only when a resident picks a delivery.
     */
    public Uni<List<String>> deliveryOptions(String code) {
        return items.getSession().chain(s -> s.createSelectionQuery("select i.deliveryOptions from ServiceItem i where i.code = :code",
                String.class).setParameter("code", code).getSingleResultOrNull())
                .map(text -> {
                    if (text == null) {
                        return List.<String>of();
                    }
                    try {
                        return List.of(json.readValue(text, String[].class));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Delivery options of " + code + " do not parse", e);
                    }
                });
    }

    /** The bundle if it is offered now, with its items offered now; null otherwise. */
    public Uni<ItemBundle> activeBundle(String code) {
        return bundles.findActiveWithItems(code).map(b -> b == null ? null
                : new ItemBundle(b.code, b.name, b.items.stream()
                        .filter(i -> i != null && Publication.ACTIVE.equals(i.status))
                        .map(i -> new BundlePart(i.code, i.name, i.department.code, i.formSchema)).toList()));
    }

    private static Item item(ServiceItem i) {
        return new Item(i.code, i.name, i.department.code, Publication.ACTIVE.equals(i.status), i.promisedDays, i.legalDays,
                i.instant, i.instantRules, i.formSchema, i.commitmentAllowed, i.version,
                i.materials == null ? List.of() : i.materials.stream()
                        .map(m -> new ItemMaterial(m.name, m.required, m.toleratedIfMissing, m.replaceableBy)).toList(),
                i.department.name, i.resultCertificateType);
    }
}
