package app.banhao.video.console;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseNoteRepository implements PanacheRepositoryBase<CaseNote, UUID> {

    /** The notes of an appointment, oldest first (a session has a handful, so no paging). */
    public Uni<List<CaseNote>> of(UUID appointmentId) {
        return list("appointmentId = ?1 order by createdAt, id", appointmentId);
    }
}
