package app.banhao.staff;

import java.util.Arrays;

import app.banhao.api.model.StaffRole;
import app.banhao.api.model.StaffUserView;

/** Staff entities as API models. */
final class StaffMapper {

    private StaffMapper() {
    }

    static StaffUserView toApi(StaffUser user) {
        return new StaffUserView()
                .id(user.id)
                .username(user.username)
                .displayName(user.displayName)
                .department(user.departmentCode)
                .roles(Arrays.stream(user.roles).map(StaffRole::fromValue).toList())
                .active(user.active);
    }
}
