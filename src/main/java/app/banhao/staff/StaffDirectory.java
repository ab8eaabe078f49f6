package app.banhao.staff;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Staff as the other features see them: who a staff member is, by name and department, never their account. */
@ApplicationScoped
public class StaffDirectory {

    /** A staff member as a case shows them: the name they act under and their department. */
    public record StaffMember(UUID id, String displayName, String departmentCode) {
    }

    private final StaffUserRepository staff;

    public StaffDirectory(StaffUserRepository staff) {
        this.staff = staff;
    }

    /** The staff member, or null when there is none. */
    public Uni<StaffMember> member(UUID id) {
        return staff.findById(id).map(u -> u == null ? null : new StaffMember(u.id, u.displayName, u.departmentCode));
    }
}
