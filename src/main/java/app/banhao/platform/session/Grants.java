package app.banhao.platform.session;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import io.smallrye.mutiny.Uni;

/** The current grant of a session's subject, for a refresh: roles, level or department may have changed. */
@ApplicationScoped
public class Grants {

    private final Map<AuthSession.SubjectType, SubjectGrants> bySubject = new EnumMap<>(AuthSession.SubjectType.class);

    public Grants(Instance<SubjectGrants> kinds) {
        kinds.forEach(k -> bySubject.put(k.subjectType(), k));
    }

    public Uni<SessionService.Grant> of(AuthSession session) {
        SubjectGrants kind = bySubject.get(session.subjectType);
        if (kind == null) {
            return Uni.createFrom().failure(ApiException.of(ErrorCode.REFRESH_TOKEN_INVALID));
        }
        return kind.current(session.subjectId, session.client)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.REFRESH_TOKEN_INVALID));
    }
}
