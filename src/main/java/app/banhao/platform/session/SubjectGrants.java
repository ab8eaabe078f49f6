package app.banhao.platform.session;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What a kind of subject (residents, staff) may hold now, asked at each refresh since roles, level or department may
 * have changed. The feature that owns the subjects implements it, so sessions know no feature.
 */
public interface SubjectGrants {

    AuthSession.SubjectType subjectType();

    /** The grant of {@code subjectId} signed in through {@code client}, or null when it may hold no session any more. */
    Uni<SessionService.Grant> current(UUID subjectId, AuthSession.Client client);
}
