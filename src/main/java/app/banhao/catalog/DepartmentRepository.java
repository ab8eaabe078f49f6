package app.banhao.catalog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.publishing.Publication;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, String> {

    public Uni<List<Department>> activePage(PageRequest page) {
        Parameters params = Parameters.with("status", Publication.ACTIVE);
        String after = "";
        if (page.after().isPresent()) {
            after = " and d.code > :after";
            params.and("after", page.after().get().id());
        }
        return find("from Department d where d.status = :status" + after + " order by d.code", params)
                .range(0, page.fetchSize() - 1).list();
    }

    public Uni<Department> findActive(String code) {
        return find("from Department d where d.code = ?1 and d.status = ?2", code, Publication.ACTIVE).firstResult();
    }
}
