package app.banhao.auth;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.resident.ResidentAccounts;
import app.banhao.staff.StaffAuthService;
import io.smallrye.mutiny.Uni;

/** The current grant of a session's subject, for a refresh: roles, level or department may have changed. */
@ApplicationScoped
public class Grants {

    private final ResidentAccounts residents;
    private final StaffAuthService staff;

    public Grants(ResidentAccounts residents, StaffAuthService staff) {
        this.residents = residents;
        this.staff = staff;
    }

    public Uni<SessionService.Grant> of(AuthSession session) {
        if (session.subjectType == AuthSession.SubjectType.RESIDENT) {
            return residents.get(session.subjectId)
                    .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.REFRESH_TOKEN_INVALID))
                    .map(r -> ResidentAccounts.grant(r, session.client));
        }
        return staff.get(session.subjectId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.REFRESH_TOKEN_INVALID))
                .map(user -> {
                    if (!user.active) {
                        throw ApiException.of(ErrorCode.REFRESH_TOKEN_INVALID);
                    }
                    return StaffAuthService.grant(user);
                });
    }
}
