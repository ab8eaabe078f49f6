package app.banhao.resident;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResidentRepository implements PanacheRepositoryBase<Resident, UUID> {

    public Uni<Resident> findByPhoneIndex(byte[] phoneIdx) {
        return find("phoneIdx", phoneIdx).firstResult();
    }

    public Uni<Resident> findByIdNumberIndex(byte[] idNumberIdx) {
        return find("idNumberIdx", idNumberIdx).firstResult();
    }
}
