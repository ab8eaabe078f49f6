package app.banhao.platform.security;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token {@link VerifiedTokens} verified, remembering each claim outside the standard set once it has been read.
 * SmallRye JWT looks a claim name up as a constant of the {@link Claims} enum and, for any other name ({@code typ},
 * {@code sid}, {@code lvl}, {@code dept}), builds and catches an {@code IllegalArgumentException}, stack trace and all,
 * on every read, walking the whole reactive stack for its trace. The access-token check and the caller's level read
 * them on every request: about 1% of the event loops' CPU while drafts were created, and a resident's list of
 * applications took 5–11% less process CPU a request without them. A token is remembered for its life and shared by
 * the requests that present it, so the first read of such a claim pays once.
 */
final class VerifiedToken implements JsonWebToken {

    private static final Set<String> STANDARD = Arrays.stream(Claims.values()).map(Claims::name).collect(Collectors.toUnmodifiableSet());

    private final JsonWebToken verified;
    private final Map<String, Optional<Object>> others = new ConcurrentHashMap<>();

    VerifiedToken(JsonWebToken verified) {
        this.verified = verified;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (STANDARD.contains(name)) {
            return verified.getClaim(name);
        }
        return (T) others.computeIfAbsent(name, n -> Optional.ofNullable(verified.getClaim(n))).orElse(null);
    }

    @Override
    public Set<String> getClaimNames() {
        return verified.getClaimNames();
    }

    @Override
    public String getName() {
        return verified.getName();
    }

    @Override
    public Set<String> getAudience() {
        return verified.getAudience();
    }

    @Override
    public Set<String> getGroups() {
        return verified.getGroups();
    }

    @Override
    public String toString() {
        return verified.toString();
    }
}
