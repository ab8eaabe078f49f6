package app.banhao.application;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.catalog.Publication;
import app.banhao.catalog.ServiceItem;
import app.banhao.catalog.ServiceItemRepository;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import io.smallrye.mutiny.Uni;

/** The catalogue as applications read it: an item with its department and materials. */
@ApplicationScoped
public class ApplicationItems {

    private final ServiceItemRepository items;

    public ApplicationItems(ServiceItemRepository items) {
        this.items = items;
    }

    /** The item if it is offered now; 422 {@code ITEM_NOT_AVAILABLE} naming {@code itemCode} otherwise. */
    public Uni<ServiceItem> active(String code) {
        return any(code).map(item -> {
            if (item == null || !Publication.ACTIVE.equals(item.status)) {
                throw new ApiException(ErrorCode.ITEM_NOT_AVAILABLE, java.util.List.of(String.valueOf(code)),
                        java.util.List.of(FieldError.of("itemCode", FieldCode.NOT_ALLOWED)), java.util.Map.of());
            }
            return item;
        });
    }

    /** The item whatever its status (applications already filed keep a retired item), or null. */
    public Uni<ServiceItem> any(String code) {
        return items.find("from ServiceItem i join fetch i.department left join fetch i.materials where i.code = ?1", code)
                .list().map(found -> found.isEmpty() ? null : found.get(0));
    }
}
