package app.banhao.application.materials;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationState;
import app.banhao.api.model.ApplicationView;
import app.banhao.api.model.WalletMaterial;
import app.banhao.catalog.ItemCatalog;
import io.smallrye.mutiny.Uni;

/**
 * 免提交 on a draft: which of the item's materials a valid certificate in the resident's wallet can stand in for, each
 * with the certificate to reference. Worked out when the draft is read, so it follows the wallet as it changes.
 */
@ApplicationScoped
public class WalletCoverage {

    private final ItemCatalog items;
    private final CertificateLookup certificates;

    public WalletCoverage(ItemCatalog items, CertificateLookup certificates) {
        this.items = items;
        this.certificates = certificates;
    }

    /** {@code view} with its {@code walletMaterials} when it is one item's draft; as it is otherwise. Needs no session. */
    public Uni<ApplicationView> listed(UUID residentId, ApplicationView view) {
        if (view.getState() != ApplicationState.DRAFT || view.getItemCode() == null) {
            return Uni.createFrom().item(view);
        }
        return items.any(view.getItemCode()).chain(item -> {
            List<ItemCatalog.ItemMaterial> replaceable = item.materials().stream().filter(m -> m.replaceableBy() != null).toList();
            Set<String> types = new LinkedHashSet<>();
            replaceable.forEach(m -> types.add(m.replaceableBy()));
            if (types.isEmpty()) {
                return Uni.createFrom().item(view.walletMaterials(List.of()));
            }
            return certificates.validOfTypes(residentId, types).map(held -> view.walletMaterials(replaceable.stream()
                    .filter(m -> held.containsKey(m.replaceableBy()))
                    .map(m -> {
                        CertificateLookup.UsableCertificate c = held.get(m.replaceableBy());
                        return new WalletMaterial().name(m.name()).certificateType(c.type())
                                .certificateId(UUID.fromString(c.id())).certificateName(c.name());
                    }).toList()));
        });
    }
}
