package app.banhao.rating;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StaffNoticeRepository implements PanacheRepositoryBase<StaffNotice, UUID> {

    public Uni<List<StaffNotice>> ofDepartment(String department, PageRequest page) {
        Parameters p = Parameters.with("department", department);
        String q = "departmentCode = :department" + page.newestFirstAfter("createdAt", p) + " order by createdAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }
}
