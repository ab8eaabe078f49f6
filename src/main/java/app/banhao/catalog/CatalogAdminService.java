package app.banhao.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Hibernate;
import org.hibernate.reactive.mutiny.Mutiny;

import app.banhao.api.model.BundleInput;
import app.banhao.api.model.BundleView;
import app.banhao.api.model.DepartmentInput;
import app.banhao.api.model.DepartmentView;
import app.banhao.api.model.ServiceItemInput;
import app.banhao.api.model.ServiceItemView;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.publishing.Publication;
import app.banhao.platform.publishing.Publishing;
import app.banhao.platform.publishing.Saved;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Publishing departments, service items and bundles (ADMIN). Callers invalidate the cache after commit. */
@ApplicationScoped
public class CatalogAdminService {

    private final DepartmentRepository departments;
    private final ServiceItemRepository items;
    private final BundleRepository bundles;
    private final CatalogMapper mapper;
    private final Publishing publishing;

    public CatalogAdminService(DepartmentRepository departments, ServiceItemRepository items, BundleRepository bundles,
            CatalogMapper mapper, Publishing publishing) {
        this.departments = departments;
        this.items = items;
        this.bundles = bundles;
        this.mapper = mapper;
        this.publishing = publishing;
    }

    @WithTransaction
    public Uni<Saved<DepartmentView>> putDepartment(String code, DepartmentInput in, String ifMatch) {
        return publishing.upsert(departments, code, () -> {
            Department d = new Department();
            d.code = code;
            return d;
        }, ifMatch, d -> {
            d.name = in.getName();
            d.description = in.getDescription();
            return Uni.createFrom().voidItem();
        }, "catalog.department", "department").map(saved -> saved.map(mapper::department));
    }

    @WithTransaction
    public Uni<Void> retireDepartment(String code, String ifMatch) {
        return publishing.retire(departments, code, ifMatch, d -> items.countActiveIn(code).invoke(active -> {
            if (active > 0) {
                throw ApiException.of(CatalogErrors.DEPARTMENT_IN_USE, code, active);
            }
        }).replaceWithVoid(), "catalog.department", "department");
    }

    @WithTransaction
    public Uni<Saved<ServiceItemView>> putItem(String code, ServiceItemInput in, String ifMatch) {
        return publishing.upsert(items, code, () -> {
            ServiceItem i = new ServiceItem();
            i.code = code;
            return i;
        }, ifMatch, i -> validate(in).chain(department -> loaded(i.materials).invoke(() -> {
            mapper.apply(in, i);
            i.department = department;
            SearchKeys.index(i);
        })), "catalog.item", "service-item").map(saved -> saved.map(mapper::detail));
    }

    @WithTransaction
    public Uni<Void> retireItem(String code, String ifMatch) {
        return publishing.retire(items, code, ifMatch, Publishing::allowed, "catalog.item", "service-item");
    }

    @WithTransaction
    public Uni<Saved<BundleView>> putBundle(String code, BundleInput in, String ifMatch) {
        return publishing.upsert(bundles, code, () -> {
            Bundle b = new Bundle();
            b.code = code;
            return b;
        }, ifMatch, b -> activeItems(List.copyOf(in.getItemCodes())).chain(members -> loaded(b.items).invoke(() -> {
            b.name = in.getName();
            b.description = in.getDescription();
            b.promisedDays = in.getPromisedDays();
            b.items.clear();
            b.items.addAll(members);
        })), "catalog.bundle", "bundle").map(saved -> saved.map(mapper::bundle));
    }

    @WithTransaction
    public Uni<Void> retireBundle(String code, String ifMatch) {
        return publishing.retire(bundles, code, ifMatch, Publishing::allowed, "catalog.bundle", "bundle");
    }

    /** The active item, or 404: what may be counted in the hot ranking. */
    @WithTransaction
    public Uni<ServiceItem> activeItem(String code) {
        return items.find("code = ?1 and status = ?2", code, Publication.ACTIVE).firstResult().invoke(item -> {
            if (item == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
        });
    }

    /** The input's rules beyond the bean constraints; the department it names, when they hold. */
    private Uni<Department> validate(ServiceItemInput in) {
        if (in.getPromisedDays() > in.getLegalDays()) {
            throw ApiException.field(CatalogErrors.INCONSISTENT_TIME_LIMITS,
                    FieldError.of("promisedDays", FieldCode.TOO_LARGE));
        }
        FormSchemas.requireValid("formSchema", in.getFormSchema());
        if (in.getInstantRules() != null && !Boolean.TRUE.equals(in.getInstant())) {
            // 秒批 rules belong to instant items only.
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("instantRules", FieldCode.NOT_ALLOWED));
        }
        return departments.findActive(in.getDepartmentCode()).invoke(department -> {
            if (department == null) {
                throw ApiException.field(CatalogErrors.UNKNOWN_DEPARTMENT,
                        FieldError.of("departmentCode", FieldCode.NOT_ALLOWED));
            }
        });
    }

    /** The named items in the given order; 422 naming the first code that is no active item. */
    private Uni<List<ServiceItem>> activeItems(List<String> codes) {
        return items.findActive(codes).map(found -> {
            Map<String, ServiceItem> byCode = found.stream().collect(Collectors.toMap(i -> i.code, Function.identity()));
            for (int n = 0; n < codes.size(); n++) {
                if (!byCode.containsKey(codes.get(n))) {
                    throw ApiException.field(CatalogErrors.UNKNOWN_ITEM,
                            FieldError.of("itemCodes[" + n + "]", FieldCode.NOT_ALLOWED));
                }
            }
            return codes.stream().map(byCode::get).toList();
        });
    }

    /** A managed entity's collection must be loaded before it is replaced; a new entity's already is. */
    private static <T> Uni<Void> loaded(List<T> collection) {
        return Hibernate.isInitialized(collection) ? Uni.createFrom().voidItem()
                : Mutiny.fetch(collection).replaceWithVoid();
    }
}
