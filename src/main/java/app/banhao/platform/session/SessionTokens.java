package app.banhao.platform.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;

import app.banhao.api.model.TokenPair;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.crypto.Digests;
import io.smallrye.mutiny.Uni;

/**
 * The token pairs {@link SessionService} hands out: a refresh token stored only as its hash, and an access token
 * for the session's grant. Rotation's successor tokens are derived, not drawn, so they too are never stored.
 */
final class SessionTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRepository refreshTokens;
    private final AccessTokens accessTokens;
    private final DataProtection crypto;

    SessionTokens(RefreshTokenRepository refreshTokens, AccessTokens accessTokens, DataProtection crypto) {
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.crypto = crypto;
    }

    /** Stores {@code refresh} (its hash) for the session and answers the pair with a new access token. */
    Uni<TokenPair> issue(AuthSession session, SessionService.Grant grant, OffsetDateTime now, String refresh) {
        RefreshToken record = new RefreshToken();
        record.tokenHash = hash(refresh);
        record.sessionId = session.id;
        record.issuedAt = now;
        record.expiresAt = session.expiresAt;
        return refreshTokens.persist(record).map(saved -> pair(session, grant, now, refresh));
    }

    /** The pair for a refresh token already stored, with a new access token. */
    TokenPair pair(AuthSession session, SessionService.Grant grant, OffsetDateTime now, String refresh) {
        String access = accessTokens.issue(grant.subjectId().toString(), grant.audience(), grant.groups(), session.id,
                grant.claims());
        return new TokenPair()
                .tokenType(TokenPair.TokenTypeEnum.BEARER)
                .accessToken(access)
                .expiresIn((int) accessTokens.lifespan().toSeconds())
                .refreshToken(refresh)
                .refreshExpiresIn((int) Duration.between(now, session.expiresAt).toSeconds())
                .sessionId(session.id);
    }

    /**
     * The refresh token that rotating {@code presented} issues: derived with the server's keyed hash rather than
     * drawn at random, so a second presentation within the grace window can answer the same successor without
     * any plaintext token being stored.
     */
    String successorOf(String presented) {
        return "rt_" + crypto.blindIndexText("refresh-successor", presented);
    }

    static String newRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        return Digests.sha256(token);
    }
}
