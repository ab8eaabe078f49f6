package app.banhao.wallet;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IssuerKeyRepository implements PanacheRepositoryBase<IssuerKey, String> {

    /** The key the department signs with now, or null. */
    public Uni<IssuerKey> current(String departmentCode) {
        return find("departmentCode = ?1 and validTo is null", departmentCode).firstResult();
    }

    public Uni<List<IssuerKey>> published() {
        return find("order by departmentCode, validFrom").list();
    }
}
