package app.banhao.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The ES256 token-signing key of an instance that runs with embedded servers: generated once and kept in
 * the data directory, so tokens survive a restart. Production configures its keys instead
 * ({@code smallrye.jwt.sign.key.location}, {@code mp.jwt.verify.publickey.location}), where all nodes
 * share them.
 *
 * <p>Two files: {@code signing.jwk} (the private key, with its {@code kid}) and {@code jwks.json} (the
 * public keys that verify, published at {@code /api/v1/auth/jwks}).
 */
public final class LocalJwtKeys {

    private LocalJwtKeys() {
    }

    /** Makes the key files if missing and returns the config properties that point at them. */
    public static Map<String, String> ensure(Path dir) {
        try {
            Files.createDirectories(dir);
            Path signing = dir.resolve("signing.jwk");
            Path jwks = dir.resolve("jwks.json");
            if (!Files.exists(signing) || !Files.exists(jwks)) {
                EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
                key.setKeyId(LocalDate.now(ZoneOffset.UTC) + "-" + UUID.randomUUID().toString().substring(0, 8));
                key.setAlgorithm("ES256");
                key.setUse("sig");
                writePrivate(signing, key.toJson(OutputControlLevel.INCLUDE_PRIVATE));
                write(jwks, new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY));
            }
            return Map.of(
                    "smallrye.jwt.sign.key.location", signing.toUri().toString(),
                    "mp.jwt.verify.publickey.location", jwks.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the token-signing key in " + dir, e);
        } catch (JoseException e) {
            throw new IllegalStateException("Could not generate the token-signing key", e);
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "jwks", ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
