package app.banhao.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * A CDI event: these login sessions were revoked (logout, "end all sessions", a deactivated staff user, a
 * reused refresh token), seen on this node either because it revoked them or because its periodic check of
 * PostgreSQL found them. Whatever a session keeps open beyond a single request (a live-progress stream)
 * ends on it.
 */
public record SessionsRevoked(Set<UUID> sessionIds) {
}
